# SPDX-License-Identifier: Apache-2.0
# Run as a script: scans core/ for includes of Qt Gui/Widgets headers.
file(GLOB_RECURSE _sources "${CORE_DIR}/*.h" "${CORE_DIR}/*.cpp")
set(_bad "")
foreach(_f IN LISTS _sources)
  file(STRINGS "${_f}" _hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](QtGui|QtWidgets|QtCharts|QtPrintSupport|QtSvg|QGuiApplication|QApplication|QWidget|QImage|QPainter|QPixmap|QPdfWriter|QTextDocument|QColor|QFont|QIcon)")
  if(_hits)
    list(APPEND _bad "${_f}: ${_hits}")
  endif()
endforeach()
if(_bad)
  string(REPLACE ";" "\n" _msg "${_bad}")
  message(FATAL_ERROR "core/ must not include Qt Gui or Widgets headers:\n${_msg}")
endif()
