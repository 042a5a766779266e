package uk.probation.gate.infra.stack.browser;

/** How the browser is set up: a desktop window, a 375 px wide phone, or a desktop with JavaScript turned off. */
public enum Variant {
    DESKTOP(1280, 1000, true),
    NARROW(375, 812, true),
    NO_JAVASCRIPT(1280, 1000, false);

    final int width;
    final int height;
    final boolean javascript;

    Variant(int width, int height, boolean javascript) {
        this.width = width;
        this.height = height;
        this.javascript = javascript;
    }
}
