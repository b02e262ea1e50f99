# SPDX-License-Identifier: Apache-2.0
# Included by ui/CMakeLists.txt: append history page sources (paths relative to ui/).
list(APPEND LAKESIDE_UI_SOURCES
)
