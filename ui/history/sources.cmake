# SPDX-License-Identifier: Apache-2.0
# Included by ui/CMakeLists.txt: append history page sources (paths relative to ui/).
list(APPEND LAKESIDE_UI_SOURCES
    history/branchchoicedialog.h
    history/branchchoicedialog.cpp
    history/commitdetailspane.h
    history/commitdetailspane.cpp
    history/graphdelegate.h
    history/graphdelegate.cpp
    history/historyactions.h
    history/historyactions.cpp
    history/historypage.h
    history/historypage.cpp
    history/plaintextdelegate.h
    history/plaintextdelegate.cpp
    history/refpillsdelegate.h
    history/refpillsdelegate.cpp
)
