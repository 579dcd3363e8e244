"""Celery tasks of accounts."""

from celery import shared_task

from .forms import PasswordResetForm

EMAILS = {
    "subject_template_name": "registration/password_reset_subject.txt",
    "email_template_name": "registration/password_reset_email.txt",
    "html_email_template_name": "registration/password_reset_email.html",
}


@shared_task(ignore_result=True)
def send_password_reset(email: str, domain: str, use_https: bool) -> None:
    """Email a reset link to each active account with `email` (none: nothing is sent)."""
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        form.save(domain_override=domain, use_https=use_https, **EMAILS)
