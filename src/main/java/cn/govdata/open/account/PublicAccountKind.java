package cn.govdata.open.account;

/** Who holds a public account: a citizen (公民), a legal person (法人), or a university or research institute. */
public enum PublicAccountKind {
    /** A natural person under their real name, reached by mobile. */
    CITIZEN,
    /** An enterprise or other organisation with a credit code, reached by mobile or e-mail. */
    LEGAL_PERSON,
    /** A university (高等院校) or research institute (科研院所), with a credit code. */
    RESEARCH_INSTITUTION;

    public boolean isOrganisation() {
        return this != CITIZEN;
    }
}
