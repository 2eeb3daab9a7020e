package cn.govdata.policy;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * One region's rules as configuration (政策配置): the numbers and the routing in which the five
 * regulations differ. A null deadline means the text only says "in time" (及时). Shipped profiles live in
 * {@code policy/profiles/}; a custom one is the same YAML in a file.
 */
public record PolicyProfile(@NotBlank String id, @NotNull @Valid Text region, @NotNull @Valid Text regulation,
        @NotNull @Valid CatalogUpdate catalogUpdate, @NotNull @Valid ShareApplication shareApplication,
        @NotNull @Size(min = 3, max = 3) Map<ShareType, @Valid @NotNull Text> shareTypes, @Valid OpenData openData,
        @NotNull @Valid Objection objection, @Valid OpenDemand openDemand, @Valid BaseResources baseResources, @Valid Supervision supervision) {

    public PolicyProfile {
        baseResources = baseResources == null ? new BaseResources(false, null) : baseResources;
        supervision = supervision == null ? Supervision.DEFAULT : supervision;
    }

    /** A profile without its own supervision section: the default scoring model. */
    public PolicyProfile(String id, Text region, Text regulation, CatalogUpdate catalogUpdate,
            ShareApplication shareApplication, Map<ShareType, Text> shareTypes, OpenData openData, Objection objection,
            OpenDemand openDemand, BaseResources baseResources) {
        this(id, region, regulation, catalogUpdate, shareApplication, shareTypes, openData, objection, openDemand,
                baseResources, null);
    }

    /** A name in both languages of the console. */
    public record Text(@NotBlank String zh, @NotBlank String en) {
    }

    public enum ShareType { UNCONDITIONAL, CONDITIONAL, NOT_SHARED }

    public enum OpenType { OPEN, CONDITIONAL_OPEN, NOT_OPEN }

    /** Who answers a conditional share application. */
    public enum Approver { PROVIDER, AUTHORITY, PROVIDER_THEN_AUTHORITY }

    /** Who may apply for conditional open data. */
    public enum OpenApplicants { ANYONE, DOMESTIC_ENTERPRISES_UNIVERSITIES_RESEARCH }

    /** Who decides applications for data open on application. */
    public enum OpenDecider { PROVIDER, AUTHORITY }

    /** Where an objection to shared data goes first. */
    public enum ObjectionRoute { PROVIDER, AUTHORITY }

    /**
     * @param workingDays to update the catalog after a trigger, null for "in time"
     * @param reportToAuthorityWorkingDays then to report the new catalog and its basis to the authority (AB17)
     */
    public record CatalogUpdate(@Positive Integer workingDays, @Positive Integer reportToAuthorityWorkingDays,
            String basis) {
    }

    public record ShareApplication(@NotNull Approver approver, @Positive Integer replyWorkingDays, String basis) {
    }

    /**
     * Null in regions whose text does not open data to the public.
     *
     * @param decidedBy who decides applications; null: the providing department (FZ16: the authority authorises)
     * @param commercialUseBySelection whether commercial use is granted only to the winner of a competitive selection,
     *        whose result the authority records before the approval (FZ17)
     */
    public record OpenData(@NotEmpty Map<OpenType, @Valid @NotNull Text> types,
            @Positive Integer applicationReplyWorkingDays, @NotNull OpenApplicants applicants, String basis,
            OpenDecider decidedBy, Boolean commercialUseBySelection) {

        public OpenDecider decider() {
            return decidedBy == null ? OpenDecider.PROVIDER : decidedBy;
        }

        public boolean selectsCommercialUse() {
            return Boolean.TRUE.equals(commercialUseBySelection);
        }
    }

    public record Objection(@NotNull ObjectionRoute route, @Positive Integer workingDays,
            @Positive Integer extensionWorkingDays, String basis) {
    }

    /**
     * Base resources (人口, 法人, 自然资源和空间地理, 电子证照, …).
     *
     * @param shareUnconditionally whether their entries must be shared unconditionally (NX10)
     */
    public record BaseResources(boolean shareUnconditionally, String basis) {
    }

    /** FZ18: requests that data be listed or opened; deadlines in calendar days. */
    public record OpenDemand(@NotNull @Positive Integer replyDays, @NotNull @Positive Integer objectionReviewDays,
            String basis) {
    }

    /**
     * How the authority supervises the departments (SUP-1, SUP-3): the scoring model of the yearly evaluation and
     * the period of a correction order.
     *
     * @param methodVersion names the scoring model; a year's scores keep the version they were computed with
     * @param weights metric name → weight in the score (metrics not named weigh nothing)
     * @param violationPenalty points deducted per violation detected in the year
     * @param excellent lowest score graded 优秀; {@code good} 良好, {@code pass} 合格, below it 不合格
     * @param orderWorkingDays working days a correction order gives the department
     * @param selfReport when the departments' yearly self-report (SUP-2) is due, or none where no text sets a date
     */
    public record Supervision(@NotBlank String methodVersion, @NotEmpty Map<String, @NotNull Double> weights,
            @NotNull Double violationPenalty, @NotNull Integer excellent, @NotNull Integer good, @NotNull Integer pass,
            @NotNull @Positive Integer orderWorkingDays, String basis, @Valid SelfReport selfReport) {

        /** A supervision section without a self-report date. */
        public Supervision(String methodVersion, Map<String, Double> weights, Double violationPenalty,
                Integer excellent, Integer good, Integer pass, Integer orderWorkingDays, String basis) {
            this(methodVersion, weights, violationPenalty, excellent, good, pass, orderWorkingDays, basis, null);
        }

        public static final Supervision DEFAULT = new Supervision("default-1",
                Map.of("sharedShare", 20.0, "applicationsOnTime", 20.0, "deliveriesOnTime", 20.0,
                        "obligationsOnTime", 20.0, "acceptedRowShare", 20.0),
                2.0, 90, 75, 60, 10, null);
    }

    /**
     * The departments' yearly self-report on the previous year (SUP-2).
     *
     * @param dueMonthDay the day of the following year by which it is due, as MM-dd (e.g. 01-31)
     * @param basis the article the date comes from
     */
    public record SelfReport(@NotNull @Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])") String dueMonthDay,
            String basis) {

        /** The due date of the report on a year. */
        public java.time.LocalDate dueFor(int year) {
            return java.time.MonthDay.parse("--" + dueMonthDay).atYear(year + 1);
        }
    }
}
