"""The local server the browser tests and benchmarks read the site from."""

from haven.publish.serving import Server


def test_a_dropped_connection_prints_nothing_but_a_real_error_still_does(tmp_path, capsys):
    """A browser leaving a page drops its connections; a traceback for each buried real errors in the test output."""
    server = Server(tmp_path)
    try:
        for error, printed in ((BrokenPipeError(32, "Broken pipe"), False), (ValueError("a bug in a handler"), True)):
            try:
                raise error
            except Exception:
                server.httpd.handle_error(None, ("127.0.0.1", 40000))
            assert ("Traceback" in capsys.readouterr().err) is printed, error
    finally:
        server.close()
