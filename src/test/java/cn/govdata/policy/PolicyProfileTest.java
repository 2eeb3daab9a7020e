package cn.govdata.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.govdata.policy.PolicyProfile.Approver;
import cn.govdata.policy.PolicyProfile.OpenApplicants;
import cn.govdata.policy.PolicyProfile.ShareType;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

class PolicyProfileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static PolicyProfile load(String selection) {
        return ActivePolicy.load(selection, JSON, VALIDATOR);
    }

    @ParameterizedTest
    @ValueSource(strings = { "yantai", "ningxia", "aba", "taijiang", "fuzhou" })
    void everyShippedProfileLoadsAndNamesTheThreeShareTypes(String name) {
        PolicyProfile profile = load(name);
        assertThat(profile.id()).isEqualTo(name);
        assertThat(profile.shareTypes()).containsKeys(ShareType.values());
    }

    @Test
    void yantaiAndNingxiaGiveTheProviderTenWorkingDaysAndUpdateCatalogsInFifteen() {
        for (String name : new String[] { "yantai", "ningxia" }) {
            PolicyProfile profile = load(name);
            assertThat(profile.shareApplication().approver()).isEqualTo(Approver.PROVIDER);
            assertThat(profile.shareApplication().replyWorkingDays()).isEqualTo(10);
            assertThat(profile.catalogUpdate().workingDays()).isEqualTo(15);
        }
    }

    @Test
    void abaHasSevenDaysToReplyAndReportsCatalogChangesWithinThree() {
        PolicyProfile aba = load("aba");
        assertThat(aba.shareApplication().replyWorkingDays()).isEqualTo(7);
        assertThat(aba.catalogUpdate().workingDays()).isEqualTo(10);
        assertThat(aba.catalogUpdate().reportToAuthorityWorkingDays()).isEqualTo(3);
        assertThat(aba.objection().workingDays()).isEqualTo(7);
        assertThat(aba.objection().extensionWorkingDays()).isEqualTo(7);
        assertThat(aba.openData().applicationReplyWorkingDays()).isEqualTo(15);
    }

    @Test
    void taijiangAndFuzhouLetTheAuthorityDecideAndSayNotSharedForNow() {
        for (String name : new String[] { "taijiang", "fuzhou" }) {
            PolicyProfile profile = load(name);
            assertThat(profile.shareApplication().approver()).isEqualTo(Approver.AUTHORITY);
            assertThat(profile.shareTypes().get(ShareType.NOT_SHARED).zh()).isEqualTo("暂不共享");
        }
        assertThat(load("yantai").shareTypes().get(ShareType.NOT_SHARED).zh()).isEqualTo("不予共享");
    }

    @Test
    void fuzhouRestrictsOpenDataApplicantsAndTimesDemandRequests() {
        PolicyProfile fuzhou = load("fuzhou");
        assertThat(fuzhou.openData().applicants()).isEqualTo(OpenApplicants.DOMESTIC_ENTERPRISES_UNIVERSITIES_RESEARCH);
        assertThat(fuzhou.openData().types().get(PolicyProfile.OpenType.OPEN).zh()).isEqualTo("普遍开放");
        assertThat(fuzhou.openDemand().replyDays()).isEqualTo(15);
        assertThat(fuzhou.openDemand().objectionReviewDays()).isEqualTo(10);
        assertThat(load("ningxia").openData()).as("Ningxia's text does not open data").isNull();
    }

    @Test
    void aCustomProfileNeedsNoCode(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("custom.yml");
        Files.writeString(file, Files.readString(Path.of("src/main/resources/policy/profiles/aba.yml"))
                .replace("id: aba", "id: custom-county").replace("replyWorkingDays: 7", "replyWorkingDays: 5"));
        PolicyProfile custom = load(file.toString());
        assertThat(custom.id()).isEqualTo("custom-county");
        assertThat(custom.shareApplication().replyWorkingDays()).isEqualTo(5);
    }

    @Test
    void anInvalidProfileStopsTheStartWithTheFieldNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, Files.readString(Path.of("src/main/resources/policy/profiles/aba.yml"))
                .replace("replyWorkingDays: 7", "replyWorkingDays: -7"));
        assertThatThrownBy(() -> load(file.toString())).hasMessageContaining("broken.yml")
                .hasMessageContaining("shareApplication.replyWorkingDays");

        Path typo = dir.resolve("typo.yml");
        Files.writeString(typo, Files.readString(Path.of("src/main/resources/policy/profiles/aba.yml"))
                .replace("approver: PROVIDER", "approver: SOMEONE"));
        assertThatThrownBy(() -> load(typo.toString())).hasMessageContaining("typo.yml").hasMessageContaining("SOMEONE");
    }

    @Test
    void anUnknownProfileNameIsRefusedClearly() {
        assertThatThrownBy(() -> load("atlantis")).hasMessageContaining("Unknown policy profile 'atlantis'")
                .hasMessageContaining("yantai");
    }
}
