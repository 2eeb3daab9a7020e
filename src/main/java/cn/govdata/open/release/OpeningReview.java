package cn.govdata.open.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.govdata.shared.FieldName;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * The review before opening (OPN-5, YT25: 国家安全、保密、信息风险、社会效益; with FZ14/AB31, personal information and
 * commercial secrets): each aspect answered — passed or not, and why — by a named reviewer on a date. Data is
 * opened only when every aspect passed.
 *
 * @param reviewer who reviewed (a person or office, e.g. 王某（保密办）)
 * @param reviewedOn when
 * @param answers one per aspect
 */
public record OpeningReview(String reviewer, LocalDate reviewedOn, List<Answer> answers) {

    /** What the review looks at. */
    public enum Aspect {
        NATIONAL_SECURITY("国家安全", "national security"),
        SECRECY("保密", "secrecy"),
        PERSONAL_INFORMATION_AND_COMMERCIAL_SECRETS("个人信息和商业秘密", "personal information and commercial secrets"),
        INFORMATION_RISK("信息风险", "information risk"),
        SOCIAL_BENEFIT("社会效益", "social benefit");

        private final LocalizedText label;

        Aspect(String zh, String en) {
            this.label = new LocalizedText(zh, en);
        }

        public LocalizedText label() {
            return label;
        }
    }

    /** One aspect's answer: whether it passed, and the reviewer's reasons. */
    public record Answer(Aspect aspect, Boolean passed, String note) {
    }

    public OpeningReview {
        answers = answers == null ? List.of() : answers.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Every way the review falls short of allowing the opening; empty when it allows it. */
    public List<Violation> shortcomings(LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (reviewer == null || reviewer.isBlank()) {
            violations.add(Violation.of("review.reviewer", ProblemCode.FIELD_REQUIRED, FieldName.of("reviewer")));
        } else if (reviewer.strip().length() > 100) {
            violations.add(Violation.of("review.reviewer", ProblemCode.FIELD_TOO_LONG, FieldName.of("reviewer"), 100));
        }
        if (reviewedOn == null) {
            violations.add(Violation.of("review.reviewedOn", ProblemCode.FIELD_REQUIRED, FieldName.of("reviewedOn")));
        } else if (reviewedOn.isAfter(today)) {
            violations.add(Violation.of("review.reviewedOn", ProblemCode.INVALID_VALUE, FieldName.of("reviewedOn"),
                    reviewedOn));
        }
        Set<Aspect> answered = EnumSet.noneOf(Aspect.class);
        for (Answer answer : answers) {
            if (answer.aspect() == null || answer.passed() == null || answer.note() == null || answer.note().isBlank()) {
                continue;  // reported below as the aspect's missing answer
            }
            if (answer.note().strip().length() > 2000) {
                violations.add(Violation.of("review." + answer.aspect(), ProblemCode.FIELD_TOO_LONG,
                        answer.aspect().label(), 2000));
            }
            answered.add(answer.aspect());
            if (!answer.passed()) {
                violations.add(Violation.of("review." + answer.aspect(), ProblemCode.OPEN_REVIEW_NOT_PASSED,
                        answer.aspect().label()));
            }
        }
        for (Aspect aspect : Aspect.values()) {
            if (!answered.contains(aspect)) {
                violations.add(Violation.of("review." + aspect, ProblemCode.OPEN_REVIEW_ANSWER_MISSING, aspect.label()));
            }
        }
        return violations;
    }
}
