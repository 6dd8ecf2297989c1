// SPDX-License-Identifier: Apache-2.0
#include "ThreadName.h"
#include <cstring>
#if defined(__linux__)
#include <pthread.h>
#endif

namespace perimeter {

void ThreadName::set(const char *name)
{
#if defined(__linux__)
    char cut[16] = {};
    std::strncpy(cut, name, sizeof cut - 1);
    pthread_setname_np(pthread_self(), cut);
#else
    (void)name;
#endif
}

} // namespace perimeter
