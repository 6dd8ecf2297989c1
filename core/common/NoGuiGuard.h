// SPDX-License-Identifier: Apache-2.0
#pragma once
// core/ is shared by the headless daemon and the console; a Gui or Widgets dependency here
// would make perimeterd need a display stack. Targets linking Qt Gui define QT_GUI_LIB.
#if defined(QT_GUI_LIB) || defined(QT_WIDGETS_LIB)
#error "core/ must not be built with Qt Gui or Widgets"
#endif
