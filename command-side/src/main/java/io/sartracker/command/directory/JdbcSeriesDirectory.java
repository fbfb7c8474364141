package io.sartracker.command.directory;

import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.RightsInherited;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.event.SeriesRestructured;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The directory as a table kept by a subscribing processor, so that it is written in the same
 * transaction as the events it follows: a series is in it as soon as its issuance is stored.
 */
@ProcessingGroup(JdbcSeriesDirectory.PROCESSING_GROUP)
public class JdbcSeriesDirectory implements SeriesDirectory {
    public static final String PROCESSING_GROUP = "series-directory";

    private final JdbcTemplate jdbc;

    public JdbcSeriesDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SeriesIssued event) {
        if (jdbc.update("update series_directory set issuer_id = ? where series_id = ?",
                event.issuerId().value(), event.seriesId().value()) == 0) {
            jdbc.update("insert into series_directory (series_id, issuer_id) values (?, ?)",
                    event.seriesId().value(), event.issuerId().value());
        }
    }

    /** The rights now belong to the restructured company: its splits and its office apply to them. */
    @EventHandler
    void on(SeriesRestructured event) {
        jdbc.update("update series_directory set issuer_id = ? where series_id = ?",
                event.restructuredCompanyId().value(), event.seriesId().value());
    }

    @EventHandler
    void on(RightsAllotted event) {
        remember(event.seriesId(), event.holderId());
    }

    @EventHandler
    void on(RightsInherited event) {
        remember(event.seriesId(), event.heirId());
    }

    private void remember(SeriesId seriesId, HolderId personId) {
        if (jdbc.queryForObject("select count(*) from series_person where person_id = ? and series_id = ?",
                Integer.class, personId.value(), seriesId.value()) == 0) {
            jdbc.update("insert into series_person (series_id, person_id) values (?, ?)", seriesId.value(),
                    personId.value());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from series_person");
        jdbc.update("delete from series_directory");
    }

    @Override
    public List<SeriesId> seriesOf(IssuerId issuerId) {
        return jdbc.queryForList("select series_id from series_directory where issuer_id = ? order by series_id",
                String.class, issuerId.value()).stream().map(SeriesId::new).toList();
    }

    @Override
    public List<SeriesId> seriesOf(IssuerId issuerId, HolderId personId) {
        return jdbc.queryForList("select d.series_id from series_directory d join series_person p"
                        + " on p.series_id = d.series_id where d.issuer_id = ? and p.person_id = ? order by d.series_id",
                String.class, issuerId.value(), personId.value()).stream().map(SeriesId::new).toList();
    }

    @Override
    public List<SeriesId> allSeries() {
        return jdbc.queryForList("select series_id from series_directory order by series_id", String.class)
                .stream().map(SeriesId::new).toList();
    }
}
