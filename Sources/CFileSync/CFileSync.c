// The module is the header (an inline function); SwiftPM needs one source file per C target.
#include "CFileSync.h"
