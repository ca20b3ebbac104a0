// Reports what a clip's player really played: a span grows while the video plays on, and a seek (or a jump the
// clock cannot explain) starts a new one, so skipping ahead earns nothing. Every report repeats all the spans of
// this page; the server merges them into unique seconds and limits what each report may add.
(() => {
    if (window.clipPlayerReady) return;
    window.clipPlayerReady = true;
    const reportEveryMs = 10000;
    const maxRate = 2;

    function attach(root) {
        if (root.dataset.attached) return;
        root.dataset.attached = "1";
        const video = root.querySelector("video");
        const token = root.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";
        const spans = [];
        let span = null;
        let last = null;

        const resume = parseFloat(root.dataset.resume || "0");
        video.addEventListener("loadedmetadata", () => {
            if (resume > 0 && resume < video.duration - 2 && video.currentTime < 0.5) video.currentTime = resume;
        }, { once: true });

        video.addEventListener("timeupdate", () => {
            const now = video.currentTime;
            const step = last === null ? null : now - last;
            if (!video.paused && !video.seeking && step !== null && step >= 0 && step <= 1.5 * Math.max(1, video.playbackRate)) {
                if (!span) { span = [last, now]; spans.push(span); } else span[1] = now;
            } else {
                span = null;
            }
            last = now;
        });
        video.addEventListener("seeking", () => { span = null; last = null; });
        video.addEventListener("seeked", () => { last = video.currentTime; });
        video.addEventListener("ratechange", () => { if (video.playbackRate > maxRate) video.playbackRate = maxRate; });
        video.addEventListener("pause", () => report(false));
        video.addEventListener("ended", () => report(false));
        setInterval(() => { if (!video.paused) report(false); }, reportEveryMs);
        addEventListener("pagehide", () => report(true));

        let sending = false;
        async function report(leaving) {
            if (spans.length === 0 || (sending && !leaving)) return;
            sending = true;
            try {
                const response = await fetch(root.dataset.reportUrl, {
                    method: "POST", keepalive: leaving, credentials: "same-origin",
                    headers: { "Content-Type": "application/json", "RequestVerificationToken": token },
                    body: JSON.stringify({ spans: spans.map(s => [s[0], s[1]]), position: video.currentTime }),
                });
                if (response.ok) show(await response.json());
            } catch {
                // Offline for now: the next report sends these spans again.
            } finally {
                sending = false;
            }
        }

        function show(progress) {
            const share = root.querySelector("[data-watched-share]");
            if (share) share.textContent = `${Math.floor(progress.share * 100)}%`;
            if (progress.watched && root.dataset.watched !== "true") {
                root.dataset.watched = "true";
                root.querySelector("[data-required-badge]")?.classList.replace("text-bg-light", "text-bg-success");
                root.dispatchEvent(new CustomEvent("clip-watched", { bubbles: true }));
            }
        }

        const quality = root.querySelector("[data-rendition]");
        quality?.addEventListener("change", () => {
            const at = video.currentTime;
            const playing = !video.paused;
            span = null;
            last = null;
            video.src = quality.value;
            video.addEventListener("loadedmetadata", () => { video.currentTime = at; if (playing) video.play(); }, { once: true });
        });

        root.querySelectorAll("[data-seek]").forEach(button => button.addEventListener("click", () => {
            video.currentTime = parseFloat(button.dataset.seek);
            video.play();
        }));
    }

    const scan = () => document.querySelectorAll("[data-clip-player]").forEach(attach);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
    else scan();
    document.addEventListener("blazor:enhancedload", scan);
    window.Blazor?.addEventListener?.("enhancedload", scan);
})();
