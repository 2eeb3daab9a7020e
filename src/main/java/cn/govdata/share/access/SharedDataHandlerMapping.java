package cn.govdata.share.access;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import cn.govdata.shared.web.PrefixHandlerMapping;

/** The data access interfaces ({@code /api/v1/share/data/{entryId}/…}) are found before the application's mapping. */
@Component
class SharedDataHandlerMapping extends PrefixHandlerMapping {

    SharedDataHandlerMapping(ApplicationContext context) {
        super(context, List.of("/api/v1/share/data/"), SharedDataController.class);
    }
}
