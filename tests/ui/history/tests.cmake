# SPDX-License-Identifier: Apache-2.0
# History page tests; included from tests/ui/CMakeLists.txt. The synthetic
# backend header lives with the model tests.
lakeside_add_test(tst_historypage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_historypage.cpp
                  LIBS lakeside_ui GUI LABELS ui history)
target_include_directories(tst_historypage PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../../model/history)
if(TARGET lakeside_local AND TARGET lakeside_demo)
    lakeside_add_test(tst_historypage_local SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_historypage_local.cpp
                      LIBS lakeside_ui lakeside_local lakeside_demo GUI LABELS ui history)
endif()
lakeside_add_test(tst_historyselection SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_historyselection.cpp
                  LIBS lakeside_ui GUI LABELS ui history)
target_include_directories(tst_historyselection PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../../model/history)
