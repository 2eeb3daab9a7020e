package cn.govdata.lake.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.govdata.lake.sealing.LakeKeys.Version;

class SealedValuesTest {

    private static final HexFormat HEX = HexFormat.of();

    private static Version version(int number, int fill) {
        byte[] sm4 = new byte[LakeKeys.SM4_BYTES];
        byte[] mac = new byte[LakeKeys.MAC_BYTES];
        java.util.Arrays.fill(sm4, (byte) fill);
        java.util.Arrays.fill(mac, (byte) (fill + 1));
        return new Version(number, sm4, mac);
    }

    private static SealedValues sealing(Version... versions) {
        return new SealedValues(LakeKeys.inMemory(new byte[LakeKeys.MAC_BYTES], List.of(versions)), true);
    }

    @Test
    void sm4IsTheStandardsBlockCipher() {
        // GB/T 32907-2016, appendix A, example 1: one block under the key equal to the plaintext
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        sm4.processBlock(key, 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void sealsDeterministicallyAndOpens() {
        SealedValues sealing = sealing(version(1, 7));
        String sealed = sealing.seal("110101199003077777");
        assertThat(sealed).startsWith("1:").doesNotContain("110101199003077777");
        assertThat(sealing.seal("110101199003077777")).isEqualTo(sealed);
        assertThat(sealing.seal("110101199003077778")).isNotEqualTo(sealed);
        assertThat(sealing.open(sealed)).isEqualTo("110101199003077777");
        assertThat(sealing.open(sealing.seal("张三"))).isEqualTo("张三");
        assertThat(sealing.open(sealing.seal(""))).isEmpty();
        assertThat(sealing.seal(null)).isNull();
        assertThat(sealing.open(null)).isNull();
    }

    @Test
    void versionsSealDifferentlyAndEachOpensItsOwn() {
        SealedValues old = sealing(version(1, 7));
        String underOne = old.seal("13800138000");
        SealedValues both = sealing(version(1, 7), version(2, 9));
        String underTwo = both.seal("13800138000");
        assertThat(underTwo).startsWith("2:").isNotEqualTo(underOne);
        assertThat(both.open(underOne)).isEqualTo("13800138000");
        assertThat(both.open(underTwo)).isEqualTo("13800138000");
        assertThat(both.needles("13800138000")).containsExactly(underOne, underTwo);
        assertThat(both.resealed(underOne)).isEqualTo(underTwo);
        assertThat(SealedValues.versionOf(underTwo)).isEqualTo(2);
    }

    @Test
    void theWrongKeyOrAnAlteredValueDoesNotOpen() {
        String sealed = sealing(version(1, 7)).seal("110101199003077777");
        assertThatThrownBy(() -> sealing(version(1, 8)).open(sealed)).isInstanceOf(SealBroken.class)
                .hasMessageContaining("altered");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(2));
        bytes[bytes.length - 1] ^= 1;
        String altered = "1:" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> sealing(version(1, 7)).open(altered)).isInstanceOf(SealBroken.class);
        assertThatThrownBy(() -> sealing(version(2, 7)).open(sealed)).isInstanceOf(SealBroken.class)
                .hasMessageContaining("no longer holds");
        assertThatThrownBy(() -> sealing(version(1, 7)).open("garbage")).isInstanceOf(SealBroken.class);
    }

    @Test
    void lookupKeysAreKeyedDigests() {
        SealedValues sealing = sealing(version(1, 7));
        assertThat(sealing.lookupKey("110101199003077777")).startsWith("k:").hasSize(2 + 64)
                .isEqualTo(sealing.lookupKey("110101199003077777")).isNotEqualTo(sealing.lookupKey("1101011990030777"));
    }

    @Test
    void theKeyFileIsMadeAtFirstUseRotatedAndRetired(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("keys/lake-sm4.keys");
        LakeKeys keys = new LakeKeys(file.toString());
        String sealed = new SealedValues(keys, true).seal("张三");
        assertThat(Files.readString(file)).contains("lookup=").contains("\n1=");
        keys.rotate();
        LakeKeys reread = new LakeKeys(file.toString());
        assertThat(reread.versionNumbers()).containsExactly(1, 2);
        assertThat(reread.active().number()).isEqualTo(2);
        assertThat(new SealedValues(reread, true).open(sealed)).isEqualTo("张三");
        assertThatThrownBy(() -> reread.retire(2)).isInstanceOf(IllegalStateException.class);
        reread.retire(1);
        assertThat(new LakeKeys(file.toString()).versionNumbers()).containsExactly(2);
    }
}
