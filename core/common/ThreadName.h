// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace perimeter {

// Names the calling thread for the operating system (top -H, ps -L, perf, gdb), so an operator
// can tell the audit writer from the gateway thread. Linux keeps 15 bytes; longer names are cut.
// A no-op where the platform has no thread names.
class ThreadName {
public:
    static void set(const char *name);
};

} // namespace perimeter
