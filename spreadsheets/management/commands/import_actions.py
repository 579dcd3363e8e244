"""python manage.py import_actions FILE --meeting ID_OR_DATE [--dry-run] [--owner SHORT_NAME]
[--user USERNAME]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Organisation
from meetings.lookup import find_meeting
from spreadsheets.importer import FIELD_LABELS, guess_mapping
from spreadsheets.readers import MAX_BYTES, UnreadableFile, read_sheet
from spreadsheets.services import ImportRefused, check_import, import_actions

REQUIRED = ("number", "text")


class Command(BaseCommand):
    help = (
        "Import an action tracker (.xlsx or .csv with the columns No., Action, Timing, Lead, "
        "Owner, Status) into a meeting. Rows whose No. the meeting already has are updated. "
        "Any bad row: prints 'row N: reason' for each problem, saves nothing and exits 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--meeting", required=True, metavar="ID_OR_DATE")
        parser.add_argument("--dry-run", action="store_true", help="check only; save nothing")
        parser.add_argument(
            "--owner",
            default="",
            metavar="SHORT_NAME",
            help="owner of new actions whose row names none (e.g. MPS for an Annex A)",
        )
        parser.add_argument(
            "--user", help="who the history names as the importer (default: the first admin)"
        )

    def handle(self, *args, file, meeting, dry_run, user, owner, **options):
        meeting = find_meeting(meeting)
        by = self._user(user)
        path = Path(file)
        try:
            if path.stat().st_size > MAX_BYTES:  # refused before it is read into memory
                raise UnreadableFile("The file is larger than 5 MB.")
            sheet = read_sheet(path.name, path.read_bytes())
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from exc
        except UnreadableFile as exc:
            raise CommandError(str(exc)) from exc
        mapping = guess_mapping(sheet.header)
        missing = [FIELD_LABELS[name] for name in REQUIRED if mapping[name] is None]
        if missing:
            self.stdout.write(f"row 1: no column headed {' or '.join(missing)}")
            raise CommandError("the header row lacks required columns; nothing was saved")
        if owner and not Organisation.objects.filter(short_name=owner).exists():
            raise CommandError(f"no organisation {owner!r}")
        checked = check_import(meeting, sheet.rows, mapping, owner)
        problems = [(row.line, error) for row in checked for error in row.errors]
        for line, error in problems:
            self.stdout.write(f"row {line}: {error}")
        if options["verbosity"] > 1:
            for row in checked:
                for warning in row.warnings:
                    self.stderr.write(f"row {row.line}: warning: {warning}")
        if problems:
            raise CommandError(f"{len(problems)} problems; nothing was saved")
        if dry_run:
            counts = {o: sum(r.outcome == o for r in checked) for o in ("create", "update")}
            unchanged = len(checked) - counts["create"] - counts["update"]
            self.stdout.write(
                f"dry run: would create {counts['create']}, update {counts['update']}, "
                f"leave {unchanged} unchanged"
            )
            return
        try:
            result = import_actions(
                meeting, sheet.rows, mapping, by=by, filename=path.name, default_owner=owner
            )
        except ImportRefused as exc:  # the data changed between the check and the save
            raise CommandError(f"{exc}; nothing was saved") from exc
        self.stdout.write(
            f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}"
        )

    def _user(self, username):
        """The named user, or else the first active administrator: history names who did it."""
        users = get_user_model().objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
        else:
            user = users.filter(role="admin").order_by("pk").first()
        if user is None:
            raise CommandError(f"no user {username!r}" if username else "give --user USERNAME")
        return user
