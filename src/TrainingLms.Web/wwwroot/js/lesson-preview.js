// Live preview for the lesson editor: sends the text to the server's renderer (the one learners see) as the
// author types, and shows the sanitised HTML it returns, with the text's knowledge check (or its problems).
// Without script the preview shows the saved state.
// Only the newest answer is shown; a failed request (network, expired sign-in) leaves the last preview and
// marks it stale instead of showing an error page inside the editor.
(() => {
    if (window.lessonPreviewReady) return;
    window.lessonPreviewReady = true;
    const timers = new Map();
    const latest = new Map();
    document.addEventListener("input", event => {
        const area = event.target;
        if (!(area instanceof HTMLTextAreaElement) || !area.dataset.preview) return;
        clearTimeout(timers.get(area));
        timers.set(area, setTimeout(() => refresh(area), 300));
    });
    async function refresh(area) {
        const target = document.getElementById(area.dataset.preview);
        if (!target) return;
        const sequence = (latest.get(area) ?? 0) + 1;
        latest.set(area, sequence);
        const form = new FormData();
        form.append("markdown", area.value);
        form.append("slug", area.dataset.slug);
        form.append("language", area.dataset.language ?? "zh");
        const token = area.form?.querySelector("input[name=__RequestVerificationToken]");
        if (token) form.append("__RequestVerificationToken", token.value);
        try {
            const response = await fetch("/courses/manage/preview", { method: "POST", body: form, credentials: "same-origin", redirect: "manual" });
            if (latest.get(area) !== sequence) return;
            if (!response.ok) throw new Error(String(response.status));
            target.innerHTML = await response.text();
            target.classList.remove("is-stale");
            target.dataset.updated = String(Date.now());
        } catch {
            if (latest.get(area) === sequence) target.classList.add("is-stale");
        }
    }
})();
