// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
//
// One bug on purpose per sanitizer, run by expect-reports.sh in sanitized
// builds only (tests/CMakeLists.txt): it proves that the options
// run-sanitized.sh sets still report what each sanitizer is there for, in
// our code, with file and line. A gate that cannot fail would pass this
// build's whole suite just as well.
#include <climits>
#include <cstdio>
#include <string_view>
#include <thread>

namespace {

int unguarded = 0;

[[gnu::noinline]] void raceOnPurpose()
{
    std::thread writer([] { unguarded += 1; });
    unguarded += 2;
    writer.join();
}

[[gnu::noinline]] int useAfterFreeOnPurpose()
{
    auto *numbers = new int[4]{1, 2, 3, 4};
    delete[] numbers;
    return numbers[2];
}

[[gnu::noinline]] int overflowOnPurpose(int value)
{
    return value + 1;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string_view mode = argc > 1 ? argv[1] : "";
    if (mode == "race")
        raceOnPurpose();
    else if (mode == "use-after-free")
        return useAfterFreeOnPurpose();
    else if (mode == "overflow")
        return overflowOnPurpose(INT_MAX - 2 + argc); // INT_MAX, unknown to the compiler
    else
        std::fprintf(stderr, "usage: sanitizercanary race|use-after-free|overflow\n");
    return 0;
}
