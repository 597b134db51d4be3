package io.uvac.sys;

import static io.uvac.sys.testing.CProbe.key;
import static io.uvac.sys.testing.CProbe.sizeKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.uvac.sys.raw.sys_ioctl_h;
import io.uvac.sys.raw.termios;
import io.uvac.sys.raw.termios_h;
import io.uvac.sys.raw.winsize;
import io.uvac.sys.testing.CProbe;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The terminal and pty bindings against {@code <termios.h>} and {@code <sys/ioctl.h>}. */
class TtyBindingsConformanceTest {

    @BeforeAll
    static void gcc() {
        CProbe.requireGcc();
    }

    @Test
    void constants() throws Exception {
        BindingsConformanceTest.assertConstants(sys_ioctl_h.class, "sys/ioctl.h");
        BindingsConformanceTest.assertConstants(termios_h.class, "termios.h");
    }

    @Test
    void structs() throws Exception {
        Map<String, Long> c = new CProbe("termios.h", "sys/ioctl.h")
                .size("struct termios").offset("struct termios", "c_iflag").offset("struct termios", "c_oflag")
                .offset("struct termios", "c_cflag").offset("struct termios", "c_lflag")
                .offset("struct termios", "c_line").offset("struct termios", "c_ispeed")
                .offset("struct termios", "c_ospeed")
                .size("struct winsize").offset("struct winsize", "ws_row").offset("struct winsize", "ws_col")
                .offset("struct winsize", "ws_xpixel").offset("struct winsize", "ws_ypixel")
                .run();
        assertEquals(c.get(sizeKey("struct termios")), termios.sizeof());
        assertEquals(c.get(key("struct termios", "c_iflag")), termios.c_iflag$offset());
        assertEquals(c.get(key("struct termios", "c_oflag")), termios.c_oflag$offset());
        assertEquals(c.get(key("struct termios", "c_cflag")), termios.c_cflag$offset());
        assertEquals(c.get(key("struct termios", "c_lflag")), termios.c_lflag$offset());
        assertEquals(c.get(key("struct termios", "c_line")), termios.c_line$offset());
        assertEquals(c.get(key("struct termios", "c_ispeed")), termios.c_ispeed$offset());
        assertEquals(c.get(key("struct termios", "c_ospeed")), termios.c_ospeed$offset());
        assertEquals(c.get(sizeKey("struct winsize")), winsize.sizeof());
        assertEquals(c.get(key("struct winsize", "ws_row")), winsize.ws_row$offset());
        assertEquals(c.get(key("struct winsize", "ws_col")), winsize.ws_col$offset());
        assertEquals(c.get(key("struct winsize", "ws_xpixel")), winsize.ws_xpixel$offset());
        assertEquals(c.get(key("struct winsize", "ws_ypixel")), winsize.ws_ypixel$offset());
    }
}
