#ifndef TANDEM_CLIBICAL_SHIM_H
#define TANDEM_CLIBICAL_SHIM_H
#include <libical/ical.h>
#endif
