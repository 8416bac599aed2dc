#ifndef TANDEM_CLIBICAL_SHIM_H
#define TANDEM_CLIBICAL_SHIM_H
#include <libical/ical.h>

/* Swift imports the fixed-size BY* arrays of icalrecurrencetype as 300-element tuples, so the
   few rules Tandem writes are filled in here. */

/* libical 3.0's BYDAY encoding: (|position| * 8 + weekday), negated for positions from the end;
   position 0 means every such weekday. */
static inline short tandem_encode_by_day(icalrecurrencetype_weekday weekday, int position) {
    int magnitude = (position < 0 ? -position : position) * 8 + (int)weekday;
    return (short)(position < 0 ? -magnitude : magnitude);
}

/* A rule with at most one BYMONTH and one BYDAY value (0 = none); COUNT 0 = unbounded. */
static inline struct icalrecurrencetype tandem_recurrence(
    icalrecurrencetype_frequency frequency, int interval, int count, int by_month, short by_day) {
    struct icalrecurrencetype rule;
    icalrecurrencetype_clear(&rule);
    rule.freq = frequency;
    rule.interval = (short)interval;
    rule.count = count;
    if (by_month != 0) {
        rule.by_month[0] = (short)by_month;
        rule.by_month[1] = ICAL_RECURRENCE_ARRAY_MAX;
    }
    if (by_day != 0) {
        rule.by_day[0] = by_day;
        rule.by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
    }
    return rule;
}

/* icalerrno is a macro over a per-thread variable. */
static inline const char *tandem_last_error(void) {
    return icalerror_strerror(icalerrno);
}

static inline void tandem_clear_error(void) {
    icalerror_clear_errno();
}

#endif
