# SPDX-License-Identifier: Apache-2.0
# History model tests; included from tests/model/CMakeLists.txt.
lakeside_add_test(tst_graphlayout SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_graphlayout.cpp
                  LIBS lakeside_model LABELS model history)
lakeside_add_test(tst_graphgeometry SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_graphgeometry.cpp
                  LIBS lakeside_model LABELS model history)
lakeside_add_test(tst_logmerger SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_logmerger.cpp
                  LIBS lakeside_model LABELS model history)
lakeside_add_test(tst_commitlogmodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_commitlogmodel.cpp
                  LIBS lakeside_model LABELS model history)
