# SPDX-License-Identifier: Apache-2.0
# Included by model/CMakeLists.txt: append history sources (paths relative to model/).
list(APPEND LAKESIDE_MODEL_SOURCES
    history/graphrow.h
    history/graphlayout.h
    history/graphlayout.cpp
    history/graphgeometry.h
    history/graphgeometry.cpp
    history/idindex.h
    history/idindex.cpp
    history/logmerger.h
    history/logmerger.cpp
    history/reflabel.h
    history/commitlogmodel.h
    history/commitlogmodel.cpp
    history/commitchangesmodel.h
    history/commitchangesmodel.cpp
)
