package dk.trialport.portal;

import dk.trialport.recruitment.application.RegisteringInterest;
import org.springframework.stereotype.Component;

/** What every page's frame says about the site itself (templates reach it as {@code @site}, error pages too). */
@Component("site")
class Site {

    private final SiteOperator operator;
    private final RegisteringInterest registering;

    Site(SiteOperator operator, RegisteringInterest registering) {
        this.operator = operator;
        this.registering = registering;
    }

    /** Who runs the site and answers for the personal data in it. */
    public SiteOperator operator() {
        return operator;
    }

    /** The version of the consent text people agree to now. */
    public String consentVersion() {
        return registering.consentVersion();
    }
}
