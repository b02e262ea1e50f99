# SPDX-License-Identifier: Apache-2.0
# Warnings for the project's own code only (never for third-party headers,
# which come in as SYSTEM include directories through imported targets).
function(lakeside_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()

# One Qt Test executable per area, registered in CTest. GUI suites get the
# offscreen platform through CTest's ENVIRONMENT (never by editing the code).
# Usage: lakeside_add_test(tst_name SOURCES a.cpp b.cpp LIBS lib1 lib2 [GUI] [LABELS l1 l2] [TIMEOUT s])
function(lakeside_add_test name)
    cmake_parse_arguments(T "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE ${T_LIBS} Qt6::Test)
    lakeside_warnings(${name})
    add_test(NAME ${name} COMMAND ${name})
    # LAKESIDE_TEST_LABELS (a regex, matched against each whole label): tests
    # with no matching label are neither built by default nor run (CTest lists
    # them as disabled). The ASan tree uses it so that it does not link ~20
    # large sanitized programs it never runs; `cmake --build` of such a target
    # by name still works.
    set(wanted TRUE)
    if(LAKESIDE_TEST_LABELS)
        set(wanted FALSE)
        foreach(label IN LISTS T_LABELS)
            if(label MATCHES "^(${LAKESIDE_TEST_LABELS})$")
                set(wanted TRUE)
            endif()
        endforeach()
    endif()
    if(NOT wanted)
        set_target_properties(${name} PROPERTIES EXCLUDE_FROM_ALL TRUE)
        set_tests_properties(${name} PROPERTIES DISABLED TRUE)
    endif()
    set(env "LAKESIDE_SOURCE_DIR=${PROJECT_SOURCE_DIR};LAKESIDE_BINARY_DIR=${PROJECT_BINARY_DIR}")
    if(T_GUI)
        set(env "${env};QT_QPA_PLATFORM=offscreen")
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}")
endfunction()
