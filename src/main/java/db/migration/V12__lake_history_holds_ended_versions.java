package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A dataset's history now holds only the versions that have ended (and tombstones); the version that is
 * valid lives in the current table alone. Before, the history also held a copy of every current version (an
 * open row, {@code valid_to is null}, not a tombstone): those copies are removed, nothing else changes. A Java
 * migration because the dataset tables are named per dataset.
 */
public class V12__lake_history_holds_ended_versions extends BaseJavaMigration {

    private static final Pattern TABLE = Pattern.compile("lake_ds_[0-9]+");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select table_name from lake_dataset")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                if (!TABLE.matcher(table).matches()) {
                    throw new IllegalStateException("unexpected dataset table name " + table);
                }
                statement.executeUpdate("delete from " + table + "_h where valid_to is null and not tombstone");
            }
        }
    }
}
