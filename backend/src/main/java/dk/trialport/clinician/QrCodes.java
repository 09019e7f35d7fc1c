package dk.trialport.clinician;

import io.nayuki.qrcodegen.QrCode;

/** A link as a QR code, drawn as one SVG path (the page inlines it: no image request, no script). */
final class QrCodes {

    /** Quiet zone around the code, in modules, as the QR standard asks. */
    private static final int BORDER = 4;

    private QrCodes() {}

    /** The code's SVG: its side in modules (with the quiet zone) and the path of its dark modules. */
    record Svg(int size, String path) {}

    static Svg of(String text) {
        var code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        var path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M')
                            .append(x + BORDER)
                            .append(',')
                            .append(y + BORDER)
                            .append("h1v1h-1z");
                }
            }
        }
        return new Svg(code.size + 2 * BORDER, path.toString());
    }
}
