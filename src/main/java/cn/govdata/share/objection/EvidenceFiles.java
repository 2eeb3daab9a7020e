package cn.govdata.share.objection;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.govdata.share.common.ShareSettings;
import cn.govdata.shared.StoredFiles;

/** The evidence files of objections, under {@code <data-dir>/share/objections}, by the rules of {@link StoredFiles}. */
@Component
class EvidenceFiles extends StoredFiles {

    EvidenceFiles(ShareSettings settings, @Value("${govdata.data-dir}") String dataDir) {
        super(settings.attachmentMaxBytes(), Path.of(dataDir, "share", "objections"), "evidence");
    }
}
