package dk.trialport.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who runs this installation of Trialport and answers for the personal data in it (the data controller), as the
 * footer and the privacy statement name them. Each installation sets its own ({@code TRIALPORT_OPERATOR_NAME}, ...).
 *
 * @param name the organisation that runs the site and is the data controller
 * @param address its postal address
 * @param email where people write about the site and their data
 * @param dataProtectionEmail the data protection officer's address
 */
@ConfigurationProperties("trialport.operator")
public record SiteOperator(
        @DefaultValue("Trialport-sekretariatet") String name,
        @DefaultValue("Trialport, 2300 København S") String address,
        @DefaultValue("kontakt@trialport.dk") String email,
        @DefaultValue("dpo@trialport.dk") String dataProtectionEmail) {}
