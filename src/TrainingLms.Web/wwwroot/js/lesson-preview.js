// Live preview for the lesson editor: sends the text to the server's renderer (the one learners see) as the
// author types, and shows the sanitised HTML it returns. Without script the preview shows the saved state.
(() => {
    if (window.lessonPreviewReady) return;
    window.lessonPreviewReady = true;
    const timers = new Map();
    document.addEventListener("input", event => {
        const area = event.target;
        if (!(area instanceof HTMLTextAreaElement) || !area.dataset.preview) return;
        clearTimeout(timers.get(area));
        timers.set(area, setTimeout(() => refresh(area), 300));
    });
    async function refresh(area) {
        const form = new FormData();
        form.append("markdown", area.value);
        form.append("slug", area.dataset.slug);
        const token = area.form?.querySelector("input[name=__RequestVerificationToken]");
        if (token) form.append("__RequestVerificationToken", token.value);
        const response = await fetch("/courses/manage/preview", { method: "POST", body: form, credentials: "same-origin" });
        const target = document.getElementById(area.dataset.preview);
        if (response.ok && target) {
            target.innerHTML = await response.text();
            target.dataset.updated = String(Date.now());
        }
    }
})();
