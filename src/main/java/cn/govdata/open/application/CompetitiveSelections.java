package cn.govdata.open.application;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recorded competitive selections, one per application at most. */
@Repository
class CompetitiveSelections {

    private final JdbcClient jdbc;

    CompetitiveSelections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CompetitiveSelection> of(long applicationId) {
        return jdbc.sql("""
                select application_id, method, result, decided_on, reference, recorded_by, recorded_at
                from open_application_selection where application_id = ?""")
                .param(applicationId)
                .query((rs, n) -> new CompetitiveSelection(rs.getLong(1), rs.getString(2),
                        CompetitiveSelection.Result.valueOf(rs.getString(3)), rs.getObject(4, java.time.LocalDate.class),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .optional();
    }

    /** Records the result; a second record for the application replaces none (the key refuses it). */
    void insert(CompetitiveSelection s) {
        jdbc.sql("""
                insert into open_application_selection (application_id, method, result, decided_on, reference,
                    recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(s.applicationId(), s.method(), s.result().name(), s.decidedOn(), s.reference(), s.recordedBy(),
                        s.recordedAt())
                .update();
    }
}
