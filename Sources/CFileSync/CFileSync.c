// The module is the header (inline functions); SwiftPM needs one source file per C target.
#include "CFileSync.h"
