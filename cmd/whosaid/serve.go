package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
)

const serveUsage = `usage: whosaid serve [--addr HOST:PORT] [flags]

Serves the extractor over HTTP, for pipelines in other languages.

  POST /v1/extract  the body is one article, and the reply its record in
                    the format of --format json (one object, offsets into
                    "text"); by Content-Type:
                      application/json      {"id": ..., "text": ...}
                      text/plain            the text itself (?id=... names it)
                      application/x-ndjson  JSON Lines, one {"id", "text"}
                                            per line (also application/jsonl):
                                            the reply is JSON Lines, one record
                                            per line ("line" numbers it), an
                                            error record {"line", "id",
                                            "error"} for a line that is not an
                                            article
                    Query parameters, as the command's flags: offsets,
                    min-confidence, type, speaker, entities (true adds each
                    document's speakers), quote-runs, text (false leaves
                    "text" out of records).
  GET  /healthz     "ok"
  GET  /metrics     Prometheus metrics: requests, bytes, latency, errors

A bad request gets a 4xx status and {"error": "..."}; past --max-inflight
extractions at once, a request gets 503 with Retry-After. SIGTERM or
SIGINT stops the server after the requests in flight are answered.

Memory: at most --max-inflight requests are read and extracted at once,
each body at most --max-body bytes and each article cut at --max-bytes
and --max-tokens, so the process holds at most about
max-inflight × (3 × max-body + the extractor's memory for one article of
max-bytes). See the README for the figures measured under attack.

flags:
`

// serveConfig is the configuration of the server.
type serveConfig struct {
	addr                            string
	maxBody                         int64
	maxInFlight                     int
	readTimeout, writeTimeout, idle time.Duration
	shutdownTimeout                 time.Duration
	opts                            options // extract flags: the defaults of the query parameters
	extractor, noRuns               *whosaid.Extractor
	retryAfter                      int // seconds
	logf                            func(format string, args ...any)
}

// runServe is the serve subcommand; it returns the exit status.
func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := serveConfig{retryAfter: 1}
	flags := flag.NewFlagSet("whosaid serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprint(stderr, serveUsage)
		flags.PrintDefaults()
	}
	flags.StringVar(&c.addr, "addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	flags.Int64Var(&c.maxBody, "max-body", 4<<20, "largest request body, in `bytes` (413 past it)")
	flags.IntVar(&c.maxInFlight, "max-inflight", runtime.NumCPU(), "most requests read and extracted at once (503 past it)")
	flags.DurationVar(&c.readTimeout, "read-timeout", 30*time.Second, "longest time to read a request")
	flags.DurationVar(&c.writeTimeout, "write-timeout", 2*time.Minute, "longest time from a request's headers to the end of its reply")
	flags.DurationVar(&c.idle, "idle-timeout", 2*time.Minute, "longest time a kept-alive connection waits for its next request")
	flags.DurationVar(&c.shutdownTimeout, "shutdown-timeout", time.Minute, "longest time to finish the requests in flight on SIGTERM")
	c.opts.addExtractFlags(flags)
	// An article from the web is smaller than a file on disk: lower
	// bounds by default, so that one request cannot hold much memory.
	c.opts.maxBytes, c.opts.maxTokens = 1<<20, 256<<10
	flags.Lookup("max-bytes").DefValue = strconv.Itoa(c.opts.maxBytes)
	flags.Lookup("max-tokens").DefValue = strconv.Itoa(c.opts.maxTokens)
	pos, err := parseInterspersed(flags, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "whosaid serve: unexpected argument %q\n", pos[0])
		return 2
	}
	if err := c.init(); err != nil {
		fmt.Fprintf(stderr, "whosaid serve: %v\n", strings.TrimPrefix(err.Error(), "whosaid: "))
		return 2
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		fmt.Fprintf(stderr, "whosaid serve: %v\n", err)
		return 1
	}
	c.logf = func(format string, args ...any) { fmt.Fprintf(stderr, "whosaid serve: "+format+"\n", args...) }
	c.logf("listening on http://%s", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if err := c.serve(ctx, ln); err != nil {
		c.logf("%v", err)
		return 1
	}
	c.logf("stopped")
	return 0
}

// init validates the configuration and builds the extractors.
func (c *serveConfig) init() error {
	if c.maxBody <= 0 {
		return fmt.Errorf("--max-body %d: want a positive number of bytes", c.maxBody)
	}
	if c.maxInFlight < 1 {
		return fmt.Errorf("--max-inflight %d: want 1 or more", c.maxInFlight)
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"read-timeout", c.readTimeout}, {"write-timeout", c.writeTimeout}, {"idle-timeout", c.idle}, {"shutdown-timeout", c.shutdownTimeout}} {
		if d.v <= 0 {
			return fmt.Errorf("--%s %v: want a positive duration", d.name, d.v)
		}
	}
	ex, err := c.opts.extractor()
	if err != nil {
		return err
	}
	noRuns, err := whosaid.New(whosaid.WithMaxBytes(c.opts.maxBytes), whosaid.WithMaxTokens(c.opts.maxTokens),
		whosaid.WithAttribution(attribution.WithQuoteRuns(!c.opts.quoteRuns)))
	if err != nil {
		return err
	}
	if !c.opts.quoteRuns {
		ex, noRuns = noRuns, ex
	}
	c.extractor, c.noRuns = ex, noRuns
	c.opts.format = "json"
	return nil
}

// serve answers requests on ln until ctx is done, then stops accepting,
// finishes the requests in flight (within the shutdown timeout) and
// returns.
func (c *serveConfig) serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           newServer(c),
		ReadHeaderTimeout: min(c.readTimeout, 10*time.Second),
		ReadTimeout:       c.readTimeout,
		WriteTimeout:      c.writeTimeout,
		IdleTimeout:       c.idle,
		MaxHeaderBytes:    64 << 10,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), c.shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// server is the HTTP handler: the routes, the bound on extractions and the
// metrics.
type server struct {
	cfg     *serveConfig
	mux     *http.ServeMux
	slots   chan struct{}
	metrics *serverMetrics
}

type serverMetrics struct {
	registry              *prometheus.Registry
	requests              *prometheus.CounterVec
	duration              *prometheus.HistogramVec
	bodyBytes, replyBytes prometheus.Counter
	errors                *prometheus.CounterVec
	inFlight              prometheus.Gauge
	documents, quotes     prometheus.Counter
	cuts                  prometheus.Counter
}

func newMetrics() *serverMetrics {
	m := &serverMetrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "whosaid_http_requests_total", Help: "HTTP requests answered, by route and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "whosaid_http_request_duration_seconds", Help: "Time from a request's headers to the end of its reply.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60},
		}, []string{"route"}),
		bodyBytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "whosaid_http_request_body_bytes_total", Help: "Bytes of request bodies read.",
		}),
		replyBytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "whosaid_http_response_body_bytes_total", Help: "Bytes of replies written.",
		}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "whosaid_errors_total", Help: "Requests or JSON Lines lines refused, by reason.",
		}, []string{"reason"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "whosaid_extractions_in_flight", Help: "Requests being read or extracted now.",
		}),
		documents: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "whosaid_documents_total", Help: "Documents extracted.",
		}),
		quotes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "whosaid_attributions_total", Help: "Attributions returned.",
		}),
		cuts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "whosaid_documents_cut_total", Help: "Documents cut at --max-bytes or --max-tokens.",
		}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.bodyBytes, m.replyBytes, m.errors, m.inFlight,
		m.documents, m.quotes, m.cuts,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func newServer(c *serveConfig) *server {
	s := &server{cfg: c, mux: http.NewServeMux(), slots: make(chan struct{}, c.maxInFlight), metrics: newMetrics()}
	s.handle("/v1/extract", s.extract)
	s.handle("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			s.fail(w, http.StatusMethodNotAllowed, "method", "use GET")
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	metrics := promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{})
	s.handle("/metrics", metrics.ServeHTTP)
	s.handle("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, http.StatusNotFound, "not_found", "no such path: try POST /v1/extract, GET /healthz or GET /metrics")
	})
	return s
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// handle routes pattern to h, counting its requests, reply bytes and
// latency, and answering a panic with a 500.
func (s *server) handle(route string, h http.HandlerFunc) {
	s.mux.HandleFunc(route, func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &recorder{ResponseWriter: w, code: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				if !rw.wrote {
					s.fail(rw, http.StatusInternalServerError, "internal", fmt.Sprintf("internal error: %v", p))
				}
			}
			s.metrics.requests.WithLabelValues(route, strconv.Itoa(rw.code)).Inc()
			s.metrics.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
			s.metrics.replyBytes.Add(float64(rw.bytes))
		}()
		h(rw, r)
	})
}

// recorder notes the status and size of a reply.
type recorder struct {
	http.ResponseWriter
	code  int
	bytes int
	wrote bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.code, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// fail answers with status and {"error": msg}, counting the reason.
func (s *server) fail(w http.ResponseWriter, status int, reason, msg string) {
	s.metrics.errors.WithLabelValues(reason).Inc()
	b, _ := encodeJSON(struct {
		Error string `json:"error"`
	}{msg}, "")
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
}

// extract serves POST /v1/extract.
func (s *server) extract(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		s.fail(w, http.StatusMethodNotAllowed, "method", "use POST with an article in the body")
		return
	}
	o, ex, err := s.requestOptions(r)
	if err != nil {
		s.fail(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	kind, err := bodyKind(r.Header.Get("Content-Type"))
	if err != nil {
		s.fail(w, http.StatusUnsupportedMediaType, "media_type", err.Error())
		return
	}
	// The slot bounds the bodies held and the extractions run at once.
	select {
	case s.slots <- struct{}{}:
	default:
		w.Header().Set("Retry-After", strconv.Itoa(s.cfg.retryAfter))
		s.fail(w, http.StatusServiceUnavailable, "overloaded",
			fmt.Sprintf("%d extractions are running, the most this server runs at once; retry later", s.cfg.maxInFlight))
		return
	}
	s.metrics.inFlight.Inc()
	defer func() {
		<-s.slots
		s.metrics.inFlight.Dec()
	}()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.maxBody))
	s.metrics.bodyBytes.Add(float64(len(body)))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			s.fail(w, http.StatusRequestEntityTooLarge, "too_large",
				fmt.Sprintf("the body is larger than %d bytes, the most this server reads (--max-body)", s.cfg.maxBody))
			return
		}
		s.fail(w, http.StatusBadRequest, "read", "reading the body: "+err.Error())
		return
	}
	switch kind {
	case "jsonl":
		s.extractLines(w, o, ex, body)
		return
	case "text":
		a := whosaid.Article{ID: r.URL.Query().Get("id"), Text: string(body)}
		if !utf8.ValidString(a.Text) {
			s.fail(w, http.StatusBadRequest, "bad_article", "the body is not valid UTF-8")
			return
		}
		s.extractOne(w, o, ex, a)
	default:
		a, err := whosaid.ParseArticle(body)
		if err != nil {
			s.fail(w, http.StatusBadRequest, "bad_article", err.Error())
			return
		}
		s.extractOne(w, o, ex, a)
	}
}

// extractOne answers with the record of one article, with its text unless
// asked otherwise, as --format json writes it.
func (s *server) extractOne(w http.ResponseWriter, o *options, ex *whosaid.Extractor, a whosaid.Article) {
	if !o.set["text"] {
		o.withText = true
	}
	rec := s.document(o, ex, a, 0)
	b, err := o.render(rec, a.Text, false)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, "internal", err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// extractLines answers a JSON Lines batch with one record per non-empty
// line, without its text unless asked, as --format jsonl writes it, or an
// error record for a line that is not an article.
func (s *server) extractLines(w http.ResponseWriter, o *options, ex *whosaid.Extractor, body []byte) {
	w.Header().Set("Content-Type", "application/x-ndjson")
	var out bytes.Buffer
	n := 0
	for line := range bytes.Lines(body) {
		n++
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		a, err := whosaid.ParseArticle(line)
		var b []byte
		if err == nil {
			b, err = o.render(s.document(o, ex, a, n), a.Text, false)
		}
		if err != nil {
			s.metrics.errors.WithLabelValues("bad_line").Inc()
			b, _ = encodeJSON(errorRecord{Line: n, ID: a.ID, Error: err.Error()}, "")
		}
		out.Write(b)
	}
	w.Write(out.Bytes())
}

// document extracts one article and counts it.
func (s *server) document(o *options, ex *whosaid.Extractor, a whosaid.Article, line int) whosaid.Record {
	rec := o.document(ex, a.ID, line, a.Text)
	s.metrics.documents.Inc()
	s.metrics.quotes.Add(float64(len(rec.Quotes)))
	if rec.Cut != nil {
		s.metrics.cuts.Inc()
	}
	return rec
}

// requestOptions reads the query parameters over the server's defaults.
func (s *server) requestOptions(r *http.Request) (*options, *whosaid.Extractor, error) {
	o := s.cfg.opts
	o.filter.types = append([]whosaid.Type(nil), o.filter.types...)
	ex := s.cfg.extractor
	q := r.URL.Query()
	for name, vs := range q {
		v := vs[len(vs)-1]
		var err error
		switch name {
		case "offsets":
			o.offsets, err = whosaid.ParseUnit(v)
		case "min-confidence":
			o.filter.minConfidence, err = strconv.ParseFloat(v, 64)
			if err == nil && !(o.filter.minConfidence >= 0 && o.filter.minConfidence <= 1) {
				err = errors.New("want a number from 0 to 1")
			}
		case "type":
			err = o.filter.setTypes(v)
		case "speaker":
			o.filter.speaker = v
		case "entities":
			o.entities, err = strconv.ParseBool(v)
		case "text":
			o.withText, err = strconv.ParseBool(v)
		case "quote-runs":
			var on bool
			if on, err = strconv.ParseBool(v); err == nil && on != s.cfg.opts.quoteRuns {
				ex = s.cfg.noRuns
			}
		case "id":
		default:
			return nil, nil, fmt.Errorf("unknown query parameter %q: want offsets, min-confidence, type, speaker, entities, text, quote-runs or id", name)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("query parameter %s=%q: %v", name, v, err)
		}
	}
	o.format = "jsonl"
	o.set = map[string]bool{}
	if _, ok := q["text"]; ok {
		o.set["text"] = true
	}
	return &o, ex, nil
}

// bodyKind tells the body's format from its Content-Type: "json" (the
// default), "jsonl" or "text".
func bodyKind(contentType string) (string, error) {
	if contentType == "" {
		return "json", nil
	}
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", fmt.Errorf("Content-Type %q: %v", contentType, err)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return "", fmt.Errorf("Content-Type %q: the body must be UTF-8", contentType)
	}
	switch mt {
	case "application/json", "application/x-www-form-urlencoded":
		// The second is what curl -d sends when not told otherwise.
		return "json", nil
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return "jsonl", nil
	case "text/plain":
		return "text", nil
	}
	return "", fmt.Errorf("Content-Type %q: want application/json, application/x-ndjson or text/plain", contentType)
}
