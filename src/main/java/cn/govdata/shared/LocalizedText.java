package cn.govdata.shared;

import java.util.Locale;

/**
 * A name that comes in both console languages from configuration (e.g. a share type as the regional profile
 * names it). Used as a problem-message argument, it is shown in the caller's language.
 */
public record LocalizedText(String zh, String en) {

    public String in(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en : zh;
    }

    @Override
    public String toString() {
        return zh;
    }
}
