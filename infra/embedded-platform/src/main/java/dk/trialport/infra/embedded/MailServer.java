package dk.trialport.infra.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real local mail server for development and tests: GreenMail's SMTP (where the application sends) and
 * IMAP (where a developer reads what was sent, any user name and password), in this JVM. Mail is kept in
 * memory only, so it is gone after a restart.
 */
public final class MailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailServer.class);
    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private MailServer(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    static MailServer start(int smtpPort, int imapPort) {
        int smtp = FreePort.orFree(smtpPort);
        int imap = FreePort.orFree(imapPort);
        var greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtp, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imap, HOST, ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        log.info(
                "Mail server (GreenMail) ready: SMTP at {}:{}; read the mail sent over IMAP at {}:{} (any user and "
                        + "password)",
                HOST,
                smtp,
                HOST,
                imap);
        return new MailServer(greenMail, smtp, imap);
    }

    public String host() {
        return HOST;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Every mail received since the server started, oldest first. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
