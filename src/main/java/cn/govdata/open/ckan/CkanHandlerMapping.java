package cn.govdata.open.ckan;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import cn.govdata.shared.web.PrefixHandlerMapping;

/** The CKAN actions, what the portal and the public's clients call most, are found before the application's mapping. */
@Component
class CkanHandlerMapping extends PrefixHandlerMapping {

    CkanHandlerMapping(ApplicationContext context) {
        super(context, List.of("/api/3/action/", "/api/action/"), CkanActionController.class);
    }
}
