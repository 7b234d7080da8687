#ifndef SKYPEBRIDGE_CPULSE_SHIM_H
#define SKYPEBRIDGE_CPULSE_SHIM_H
#include <pulse/simple.h>
#include <pulse/error.h>
#include <pulse/version.h>
#endif
