# SPDX-License-Identifier: Apache-2.0
# Included by model/CMakeLists.txt: append history sources (paths relative to model/).
list(APPEND LAKESIDE_MODEL_SOURCES
)
