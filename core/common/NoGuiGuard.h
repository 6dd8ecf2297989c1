// SPDX-License-Identifier: Apache-2.0
#pragma once
// core/ is shared by the headless daemon and the console; a Gui or Widgets dependency here
// would make perimeterd need a display stack. Core's own translation units are compiled with
// PERIMETER_BUILDING_CORE (set by perimeter_add_module), and a target linking Qt Gui defines
// QT_GUI_LIB. The console (ui/) may include core headers: the check applies to core only.
#if defined(PERIMETER_BUILDING_CORE) && (defined(QT_GUI_LIB) || defined(QT_WIDGETS_LIB))
#error "core/ must not be built with Qt Gui or Widgets"
#endif
