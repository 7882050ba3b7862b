// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
//
// Linked into the test executables of a ThreadSanitizer build only
// (tests/CMakeLists.txt). QProcess starts programs with clone(CLONE_VM |
// CLONE_VFORK): the child runs in the parent's memory until it execs. The
// clone interceptor of clang-16's TSan runtime runs its fork bookkeeping in
// that child, on the parent's own thread state, and the parent then stops at
// "CHECK failed: tsan_rtl.cpp:253" (reproduced with QProcess and /bin/echo
// alone; docs/testing.md). The interceptor is a weak symbol, so this strong
// clone() takes its place: vfork-like clones go straight to the C
// library, where the child only sets up its descriptors and execs, and every
// other clone still goes through TSan's interceptor.
#include <dlfcn.h>
#include <sched.h>
#include <sys/types.h>

#include <cstdarg>

extern "C" int __interceptor_clone(int (*fn)(void *), void *stack, int flags, void *arg, int *parentTid,
                                   void *tls, pid_t *childTid);

extern "C" int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
    va_list rest;
    va_start(rest, arg);
    auto *parentTid = va_arg(rest, int *);
    auto *tls = va_arg(rest, void *);
    auto *childTid = va_arg(rest, pid_t *);
    va_end(rest);
    constexpr int VforkLike = CLONE_VM | CLONE_VFORK;
    if ((flags & VforkLike) != VforkLike)
        return __interceptor_clone(fn, stack, flags, arg, parentTid, tls, childTid);
    using Clone = int (*)(int (*)(void *), void *, int, void *, ...);
    static const auto libcClone = reinterpret_cast<Clone>(dlsym(RTLD_NEXT, "clone"));
    return libcClone(fn, stack, flags, arg, parentTid, tls, childTid);
}
