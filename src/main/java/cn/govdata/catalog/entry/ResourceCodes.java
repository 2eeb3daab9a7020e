package cn.govdata.catalog.entry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.catalog.Classification;

/**
 * Hands out resource codes (信息资源代码, GB/T 21063.4): the classification code, a slash, and a six-digit
 * sequence code per classification. A sequence number is used once: the counter only grows, so the code of
 * a retired entry is never given to another.
 */
@Component
class ResourceCodes {

    private final JdbcClient jdbc;

    ResourceCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(Classification classification) {
        String prefix = classification.code();
        jdbc.sql("insert into catalog_sequence (classification_code, last_sequence) values (?, 0) on conflict do nothing")
                .param(prefix).update();
        // the update locks the counter row until the entry's transaction ends, so two entries never share a number
        jdbc.sql("update catalog_sequence set last_sequence = last_sequence + 1 where classification_code = ?")
                .param(prefix).update();
        int sequence = jdbc.sql("select last_sequence from catalog_sequence where classification_code = ?")
                .param(prefix).query(Integer.class).single();
        return prefix + "/" + String.format("%06d", sequence);
    }
}
