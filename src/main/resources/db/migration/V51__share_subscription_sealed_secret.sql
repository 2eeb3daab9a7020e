-- A subscription's signing secret is now stored sealed (SM4-GCM under the platform's subscription secret key,
-- share.SubscriptionSecrets): "sm4gcm:v1:" and the Base64 of nonce, ciphertext and tag, 134 characters for the
-- 64-character secrets issued. The secrets an earlier version stored in the clear are sealed at the next start
-- (share.SubscriptionSecretsSetup), since the key is a setting this migration does not see.
alter table share_subscription alter column secret set data type varchar(200);
