package cn.govdata.lake.quality;

import java.time.LocalDateTime;

/**
 * Dates and date-times as Chinese departments write them, parsed without exceptions or allocation since
 * they run on every value of every row. Dates: {@code yyyy-MM-dd}, {@code yyyy/MM/dd}, {@code yyyy.MM.dd}
 * (month and day with one or two digits, the separator the same twice), {@code yyyyMMdd} and
 * {@code yyyy年M月d日}. Date-times: a date, a space or {@code T}, then {@code HH:mm:ss} or {@code HH:mm}
 * (hour with one or two digits), with an optional fraction of a second as databases export it
 * ({@code .0}); also {@code yyyyMMddHHmmss}. No zone: values are local to the department.
 */
final class DateText {

    /** Returned for text that is not a date. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long SECONDS_PER_DAY = 86_400;

    private DateText() {
    }

    /** The date's epoch day, or {@link #INVALID}. */
    static long date(String text) {
        long packed = parseDate(text, 0, text.length());
        return packed == INVALID ? INVALID : epochDay(packed);
    }

    /** The date-time's seconds since 1970-01-01T00:00 (local), or {@link #INVALID}. */
    static long dateTime(String text) {
        int n = text.length();
        if (n == 14 && allDigits(text, 0, 14)) {
            long packed = parseDate(text, 0, 8);
            int h = twoDigits(text, 8);
            int m = twoDigits(text, 10);
            int s = twoDigits(text, 12);
            return packed == INVALID || h > 23 || m > 59 || s > 59 ? INVALID
                    : epochDay(packed) * SECONDS_PER_DAY + h * 3600L + m * 60L + s;
        }
        int split = timeStart(text);
        if (split < 0) {
            return INVALID;
        }
        int dateEnd = split > 0 && (text.charAt(split - 1) == ' ' || text.charAt(split - 1) == 'T') ? split - 1 : split;
        long packed = parseDate(text, 0, dateEnd);
        long time = parseTime(text, split, n);
        return packed == INVALID || time == INVALID ? INVALID : epochDay(packed) * SECONDS_PER_DAY + time;
    }

    /** Whether the date-time is at midnight, i.e. a date written with a time (as DATE columns are exported). */
    static boolean isMidnight(long dateTime) {
        return Math.floorMod(dateTime, SECONDS_PER_DAY) == 0;
    }

    /** The epoch day of a date-time's date. */
    static long dayOf(long dateTime) {
        return Math.floorDiv(dateTime, SECONDS_PER_DAY);
    }

    /** The value {@link #dateTime} gives for a date-time, e.g. for bounds. */
    static long seconds(LocalDateTime dateTime) {
        return dateTime.toLocalDate().toEpochDay() * SECONDS_PER_DAY + dateTime.toLocalTime().toSecondOfDay();
    }

    /** Whether y-m-d is a real calendar date (proleptic Gregorian, years 1 … 9999). */
    static boolean isRealDate(int year, int month, int day) {
        return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
    }

    /** Epoch day of a real calendar date; the civil-from-days algorithm, so no LocalDate is made per value. */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** yyyy*10000 + MM*100 + dd of a real date in text[from, to), or INVALID. */
    private static long parseDate(String text, int from, int to) {
        int length = to - from;
        if (length < 8 || length > 11 || !allDigits(text, from, from + 4)) {
            return INVALID;
        }
        int year = digits(text, from, from + 4);
        int month;
        int day;
        if (length == 8 && allDigits(text, from, to)) {
            month = digits(text, from + 4, from + 6);
            day = digits(text, from + 6, from + 8);
        } else {
            char separator = text.charAt(from + 4);
            boolean chinese = separator == '年';
            if (!chinese && separator != '-' && separator != '/' && separator != '.') {
                return INVALID;
            }
            int monthEnd = digitsEnd(text, from + 5, to);
            if (monthEnd - (from + 5) < 1 || monthEnd - (from + 5) > 2 || monthEnd >= to
                    || text.charAt(monthEnd) != (chinese ? '月' : separator)) {
                return INVALID;
            }
            int dayEnd = digitsEnd(text, monthEnd + 1, to);
            if (dayEnd - (monthEnd + 1) < 1 || dayEnd - (monthEnd + 1) > 2) {
                return INVALID;
            }
            boolean ends = chinese ? dayEnd == to - 1 && text.charAt(dayEnd) == '日' : dayEnd == to;
            if (!ends) {
                return INVALID;
            }
            month = digits(text, from + 5, monthEnd);
            day = digits(text, monthEnd + 1, dayEnd);
        }
        return isRealDate(year, month, day) ? year * 10_000L + month * 100L + day : INVALID;
    }

    private static long epochDay(long packed) {
        return epochDay((int) (packed / 10_000), (int) (packed / 100 % 100), (int) (packed % 100));
    }

    /** Where the time starts: after "日", a space or a T following the date; -1 when there is no time. */
    private static int timeStart(String text) {
        for (int i = 8; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == 'T') {
                return i + 1;
            }
            if (c == '日') {
                return i + 1 < text.length() && text.charAt(i + 1) == ' ' ? i + 2 : i + 1;
            }
        }
        return -1;
    }

    /** Seconds of the day of H[H]:mm[:ss[.f…]] in text[from, to), or INVALID. */
    private static long parseTime(String text, int from, int to) {
        int hourEnd = digitsEnd(text, from, to);
        int hourDigits = hourEnd - from;
        if (hourDigits < 1 || hourDigits > 2 || hourEnd + 3 > to || text.charAt(hourEnd) != ':'
                || !allDigits(text, hourEnd + 1, hourEnd + 3)) {
            return INVALID;
        }
        int hour = digits(text, from, hourEnd);
        int minute = twoDigits(text, hourEnd + 1);
        int second = 0;
        int at = hourEnd + 3;
        if (at < to) {
            if (text.charAt(at) != ':' || at + 3 > to || !allDigits(text, at + 1, at + 3)) {
                return INVALID;
            }
            second = twoDigits(text, at + 1);
            at += 3;
            if (at < to) {
                int fractionEnd = digitsEnd(text, at + 1, to);
                if (text.charAt(at) != '.' || fractionEnd != to || fractionEnd - at - 1 < 1 || fractionEnd - at - 1 > 9) {
                    return INVALID;
                }
            }
        }
        return hour > 23 || minute > 59 || second > 59 ? INVALID : hour * 3600L + minute * 60L + second;
    }

    private static boolean allDigits(String text, int from, int to) {
        if (to > text.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digitsEnd(String text, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private static int twoDigits(String text, int from) {
        return digits(text, from, from + 2);
    }
}
