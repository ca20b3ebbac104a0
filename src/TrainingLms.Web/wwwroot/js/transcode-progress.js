// Live transcoding progress on a clip's page: asks the server every two seconds and reloads the page once the job
// has finished, failed or been cancelled, so that the player (or ffmpeg's error) appears.
(() => {
    if (window.transcodeProgressReady) return;
    window.transcodeProgressReady = true;

    function attach(box) {
        if (box.dataset.attached) return;
        box.dataset.attached = "1";
        const bar = box.querySelector("[data-transcode-bar]");
        const timer = setInterval(async () => {
            if (!box.isConnected) { clearInterval(timer); return; }
            try {
                const response = await fetch(box.dataset.transcodeUrl, { credentials: "same-origin" });
                if (!response.ok) return;
                const job = await response.json();
                bar.style.width = `${job.progressPercent}%`;
                bar.textContent = `${job.progressPercent}%`;
                bar.parentElement.setAttribute("aria-valuenow", job.progressPercent);
                if (job.status !== box.dataset.status) { clearInterval(timer); location.reload(); }
            } catch {
                // Offline for a moment: ask again next time.
            }
        }, 2000);
    }

    const scan = () => document.querySelectorAll("[data-transcode-url]").forEach(attach);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
    else scan();
    document.addEventListener("blazor:enhancedload", scan);
    window.Blazor?.addEventListener?.("enhancedload", scan);
})();
