package cn.govdata.share.application;

import java.util.List;

import cn.govdata.policy.PolicyProfile.Approver;
import cn.govdata.share.common.Stage;

/**
 * Who answers a conditional share application, in turn, under the policy profile in force: the providing
 * department (YT21, NX11, AB27), the data authority (TJ17, FZ10), or the provider and then the authority. Where
 * the provider is the authority itself, it answers once.
 */
final class ApprovalRoute {

    private ApprovalRoute() {
    }

    static List<Stage> stages(Approver approver, boolean providerIsAuthority) {
        return switch (approver) {
            case PROVIDER -> List.of(Stage.PROVIDER);
            case AUTHORITY -> List.of(Stage.AUTHORITY);
            case PROVIDER_THEN_AUTHORITY -> providerIsAuthority ? List.of(Stage.PROVIDER)
                    : List.of(Stage.PROVIDER, Stage.AUTHORITY);
        };
    }

    /** The stage after the given one, or null when the given one decides. */
    static Stage next(List<Stage> stages, Stage current) {
        int at = stages.indexOf(current);
        return at < 0 || at + 1 >= stages.size() ? null : stages.get(at + 1);
    }
}
