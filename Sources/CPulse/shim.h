#ifndef SKYPEBRIDGE_CPULSE_SHIM_H
#define SKYPEBRIDGE_CPULSE_SHIM_H
// Types and declarations only: the library is not linked. SkypeBridgeCore loads
// libpulse-simple with dlopen on first use (PulseLibrary.swift), so commands that play no
// audio do not load libpulse and the ~26 libraries it depends on.
#include <pulse/simple.h>
#include <pulse/error.h>
#include <pulse/version.h>
#endif
