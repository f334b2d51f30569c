"""The staff forms: sign-in, statements, day counters, clocks and site settings."""

import re
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
    TimeField,
)
from wtforms.meta import DefaultMeta
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    StopValidation,
    ValidationError,
)

from .. import timekeeping
from ..faces import shows_zone
from ..i18n import BABEL_LOCALES, current_language, number
from ..models import KINDS
from .accounts import MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH

#: Publication and event dates outside these years are typing mistakes (and years near 1 or
#: 9999 overflow when converted between zones).
FIRST_YEAR, LAST_YEAR = 1900, 2999
STATUS_LABELS = {
    "draft": _l("Draft"),
    # I18N: a statement's status: written, waiting for an editor to publish it.
    "review": _l("In review"),
    "published": _l("Published"),
}
REQUIRED = _l("Please fill in this field.")
NUL_MESSAGE = _l("This field contains a character that cannot be stored (NUL).")


class Limit:
    """Refuse text longer than `limit` characters, saying the limit and the length typed.

    Unlike WTForms' Length it sets no `maxlength` flag: a browser cuts pasted text at
    `maxlength` without a word, so the limit is shown next to the field (with a live count)
    and enforced here, where the refused text comes back intact.
    """

    def __init__(self, limit: int):
        """Keep the limit; the template reads it to show it beside the field."""
        self.limit = limit

    def __call__(self, form, field) -> None:
        """Raise a localised error naming the limit and the current length."""
        length = len(field.data or "")
        if length > self.limit:
            lang = current_language()
            raise ValidationError(ngettext(
                # I18N: %(count)s is the number of characters typed, %(limit)s the most allowed;
                # both are already formatted ("1,234" / "1 234").
                "Too long: %(count)s character; the limit is %(limit)s.",
                "Too long: %(count)s characters; the limit is %(limit)s.",
                length, count=number(length, lang), limit=number(self.limit, lang),
            ))


class ShownAsTyped:
    """A date or time picker whose refusals name the expected format, keeping what was typed.

    A browser blanks a `type="date"` or `type="time"` input whose value it cannot read, so
    after such a refusal the field is rendered as plain text holding exactly what was sent.
    """

    format_message: str

    def process_formdata(self, valuelist) -> None:
        """Parse the value; refuse one in another format with the expected format named."""
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(self.format_message)) from None

    def unreadable(self) -> bool:
        """Tell whether something was sent that could not be read."""
        return bool(self.raw_data and any(self.raw_data) and self.data is None)

    def pre_validate(self, form) -> None:
        """Stop at the format message: the other checks have no value to judge."""
        if self.unreadable():
            raise StopValidation()
        super().pre_validate(form)

    def __call__(self, **kwargs):
        """Render the picker, or a text input when the value sent could not be read."""
        if self.unreadable():
            kwargs["type"] = "text"
        return super().__call__(**kwargs)


class IsoDateField(ShownAsTyped, DateField):
    """A date as YYYY-MM-DD (what date pickers send)."""

    # I18N: keep the order year-month-day; translate the letters (ГГГГ-ММ-ДД).
    format_message = _l("Enter the date as YYYY-MM-DD, for example 2026-03-15.")


class IsoTimeField(ShownAsTyped, TimeField):
    """A time as HH:MM or HH:MM:SS on the 24-hour clock (what time pickers send)."""

    format_message = _l("Enter the time as HH:MM on the 24-hour clock, for example 14:30.")


#: Where a counter or clock stands among the others: the message for a value outside the range
#: and for one that is no number at all.
POSITION_MESSAGE = _l("Enter a whole number from 0 to 9999, for example 2.")


class PositionField(ShownAsTyped, IntegerField):
    """A position 0–9999; a refused value is shown as typed, with the range named."""

    format_message = POSITION_MESSAGE

    def __init__(self, label=None, **kwargs):
        """A required number 0–9999, 0 by default."""
        super().__init__(label, default=0, validators=[
            InputRequired(REQUIRED), NumberRange(0, 9999, message=POSITION_MESSAGE)
        ], **kwargs)


class LocalisedMeta(DefaultMeta):
    """WTForms' own messages ("Not a valid date value.") in the language of the request."""

    @property
    def locales(self) -> list[str]:
        """Return the Babel locale of the current request."""
        return [BABEL_LOCALES[current_language()]]


def reject_nul(form: Form) -> bool:
    """Add an error to every field (subforms included) whose input holds a NUL; tell if any did.

    PostgreSQL cannot store NUL in text, so it is refused here rather than at commit time.
    """
    found = False
    for field in form:
        if isinstance(field, FormField):
            found = reject_nul(field.form) or found
            continue
        if any(isinstance(raw, str) and "\x00" in raw for raw in field.raw_data or ()):
            field.errors = [*field.errors, NUL_MESSAGE]
            found = True
    return found


class StaffForm(FlaskForm):
    """A staff form: CSRF-protected, localised messages, NUL refused in every field."""

    class Meta(LocalisedMeta):
        """Localised WTForms messages for the whole form."""

    def validate(self, extra_validators=None) -> bool:
        """Validate the fields, then refuse NUL characters anywhere."""
        valid = super().validate(extra_validators)
        return not reject_nul(self) and valid


class SubForm(Form):
    """A group of fields inside a staff form (one language's texts); no CSRF of its own."""

    class Meta(LocalisedMeta):
        """Localised WTForms messages inside the group too."""


def present(value):
    """Filter: a text field left out of the submission is empty, as if sent empty.

    WTForms gives such a field None, which the columns (NOT NULL) and Markdown cannot take.
    """
    return "" if value is None else value


def stripped(value):
    """Filter: trim surrounding whitespace from text input (a field left out is empty)."""
    return value.strip() if isinstance(value, str) else present(value)


def year_in_range(form, field) -> None:
    """Refuse dates outside FIRST_YEAR–LAST_YEAR."""
    if isinstance(field.data, date) and not FIRST_YEAR <= field.data.year <= LAST_YEAR:
        raise ValidationError(
            _l("Enter a year between %(first)s and %(last)s.", first=FIRST_YEAR, last=LAST_YEAR)
        )


def known_timezone(form, field) -> None:
    """Refuse anything but a time zone the site can show (an IANA name with city names)."""
    if not shows_zone(field.data):
        raise ValidationError(_l("Choose a time zone from the list."))


def zone_choices(current: str | None = None) -> list[str]:
    """Return the time zones a form offers: regions and cities the site can show, plus UTC and
    `current`.

    `current` is listed even when it can no longer be shown, so the form says what is stored
    (and saving it again is refused) instead of silently selecting another zone.
    """
    zones = {
        z for z in timekeeping.known_zones()
        if "/" in z and not z.startswith(("Etc/", "SystemV/", "posix/", "right/", "US/"))
        and shows_zone(z)
    }
    zones.add("UTC")
    if current:
        zones.add(current)
    return sorted(zones)


class SignInForm(StaffForm):
    """Email and password."""

    email = EmailField(
        _l("Email"), filters=[stripped],
        validators=[DataRequired(REQUIRED), Limit(MAX_EMAIL_LENGTH)],
    )
    # No filters: a password is used exactly as typed, spaces included.
    password = PasswordField(
        _l("Password"), validators=[InputRequired(REQUIRED), Limit(MAX_PASSWORD_LENGTH)]
    )


class StatementTextForm(SubForm):
    """A statement's texts in one language."""

    title = StringField(_l("Title"), filters=[stripped], validators=[Limit(300)])
    slug = StringField(
        _l("Address (slug)"), filters=[stripped], validators=[Limit(120)],
        description=_l("Leave empty to make one from the title."),
    )
    lead = TextAreaField(_l("Lead"), filters=[stripped], validators=[Limit(2000)])
    body = TextAreaField(
        _l("Text"), filters=[present], validators=[Limit(100_000)],
        description=_l("Markdown: blank line between paragraphs, *italic*, **bold**, [link](https://…)."),
    )
    image_alt = StringField(
        _l("Photo: description"), filters=[stripped], validators=[Limit(300)],
        description=_l("What the photo shows, for people who cannot see it. Needed with a photo."),
    )
    image_caption = StringField(
        _l("Photo: caption"), filters=[stripped], validators=[Limit(500)]
    )
    image_credit = StringField(
        _l("Photo: credit"), filters=[stripped], validators=[Limit(200)],
        description=_l("Who took the photo, or whose it is."),
    )

    @property
    def filled(self) -> bool:
        """Tell whether anything was written in this language."""
        return any((f.data or "").strip() for f in (self.title, self.slug, self.lead, self.body))


#: The longest public change note, per language.
MAX_CHANGE_NOTE = 500


class ChangeForm(StaffForm):
    """Whether an edit of a public statement is minor or a change readers are told of, with
    its public change note in each language (the view requires the note in every language
    the statement has when "change" is chosen)."""

    change = RadioField(
        _l("What kind of edit is this?"),
        choices=[
            SelectChoice("minor", _l("Minor edit: a typo or formatting. Readers are not told.")),
            SelectChoice(
                "major", _l("A change readers should know about: a public note says what changed.")
            ),
        ],
        default="minor",
    )
    change_note_en = TextAreaField(
        _l("Change note, in English"), filters=[stripped], validators=[Limit(MAX_CHANGE_NOTE)],
        description=_l('Shown on the English page as "Updated 5 July 2020: …".'),
    )
    change_note_ru = TextAreaField(
        _l("Change note, in Russian"), filters=[stripped], validators=[Limit(MAX_CHANGE_NOTE)],
        description=_l('Shown on the Russian page as "Updated 5 July 2020: …".'),
    )


class StatementForm(ChangeForm):
    """A statement: kind, publication time, status, featured, and its English and Russian texts."""

    form_token = HiddenField(validators=[Length(max=64)])
    version = HiddenField(validators=[Length(max=12)])
    kind = SelectField(
        _l("Kind"),
        choices=[SelectChoice(key, kind.one) for key, kind in KINDS.items()],
        validators=[InputRequired()],
    )
    published_date = IsoDateField(
        _l("Publication date"), validators=[InputRequired(REQUIRED), year_in_range]
    )
    # Browsers send HH:MM, or HH:MM:SS when a time with seconds was picked.
    published_time = IsoTimeField(
        _l("Time"), format=["%H:%M", "%H:%M:%S"], validators=[InputRequired(REQUIRED)]
    )
    # A new statement starts as a draft: publishing is a deliberate choice.
    status = SelectField(
        _l("Status"),
        choices=[SelectChoice(s, label) for s, label in STATUS_LABELS.items()],
        default="draft",
        validators=[InputRequired()],
    )
    featured = BooleanField(_l("Featured on the front page"))
    #: The lead photo (checked and stored by pressroom/staff/images.py, not by WTForms).
    image = FileField(_l("Photo"))
    #: A photo uploaded with a submit that was refused for another reason, kept for the next
    #: one: a signed token naming its renditions (staff/images.py).
    image_token = HiddenField(validators=[Length(max=4000)])
    image_remove = BooleanField(_l("Remove the photo"))
    en = FormField(StatementTextForm, separator="-")
    ru = FormField(StatementTextForm, separator="-")

    def validate(self, extra_validators=None) -> bool:
        """Also require a title in every language written, and at least one language."""
        valid = super().validate(extra_validators)
        languages = [self.en, self.ru]
        for sub in languages:
            if sub.form.filled and not sub.form.title.data:
                sub.form.title.errors = [
                    *sub.form.title.errors, _l("A title is needed in each language you write in.")
                ]
                valid = False
        if not any(sub.form.filled for sub in languages):
            self.form_errors.append(_l("Write the statement in at least one language."))
            valid = False
        return valid


class CounterTextForm(SubForm):
    """A day counter's event, after it and before it, and a caption, in one language."""

    label = StringField(
        _l("Event, once it has passed"), filters=[stripped], validators=[Limit(300)],
        description=_l(
            'With its preposition, as it reads after "853 days have passed": "since the signing".'
        ),
    )
    label_ahead = StringField(
        _l("Event, while it is ahead"), filters=[stripped], validators=[Limit(300)],
        description=_l(
            'With its preposition, as it reads after "5 days to go": "until the signing".'
        ),
    )
    caption = StringField(_l("Caption"), filters=[stripped], validators=[Limit(500)])

    @property
    def filled(self) -> bool:
        """Tell whether anything was written in this language."""
        return any(f.data for f in (self.label, self.label_ahead, self.caption))


#: The fields of a counter's text, as the form and the table name them.
COUNTER_TEXT_FIELDS = ("label", "label_ahead", "caption")
EVENT_PASSED = _l("The event has passed: write how it reads after the count, with its preposition.")
EVENT_AHEAD = _l("The event is still ahead: write how it reads before it, with its preposition.")


class CounterForm(StaffForm):
    """A day counter: event date, its time zone, position and texts."""

    #: The counter as the form showed it (`editing.counter_version`); empty for a new counter.
    version = HiddenField(validators=[Length(max=64)])
    event_date = IsoDateField(
        _l("Event date"), validators=[InputRequired(REQUIRED), year_in_range]
    )
    timezone = SelectField(
        _l("Time zone"), validators=[InputRequired(), known_timezone], validate_choice=False
    )
    position = PositionField(_l("Position"))
    en = FormField(CounterTextForm, separator="-")
    ru = FormField(CounterTextForm, separator="-")

    def validate(self, extra_validators=None) -> bool:
        """Also require the event in at least one language, and in each language written the
        form the counter shows today (after the event, or before it)."""
        valid = super().validate(extra_validators)
        written = [sub.form for sub in (self.en, self.ru) if sub.form.filled]
        if not written:
            self.form_errors.append(_l("Name the event in at least one language."))
            return False
        ahead = self.event_ahead()
        for sub in written:
            needed = sub.label_ahead if ahead else sub.label
            if ahead is not None and not needed.data:
                needed.errors = [*needed.errors, EVENT_AHEAD if ahead else EVENT_PASSED]
                valid = False
        return valid

    def event_ahead(self) -> bool | None:
        """Tell whether the event is still ahead in its zone today; None when the date or the
        zone is not valid (their own errors say so)."""
        if self.event_date.errors or self.timezone.errors or self.event_date.data is None:
            return None
        return timekeeping.days_between(
            self.event_date.data, self.timezone.data, timekeeping.utcnow()
        ) < 0


class ClockForm(StaffForm):
    """A city clock: a time zone and its position."""

    timezone = SelectField(
        _l("Time zone"), validators=[InputRequired(), known_timezone], validate_choice=False
    )
    position = PositionField(_l("Position"))


#: A phone number as people write it: digits, spaces, "+", "-" and brackets.
PHONE = re.compile(r"[0-9 +\-()]+")
#: An e-mail address's shape: one "@", no spaces, a domain of two or more dot-separated parts.
EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


def phone_number(form, field) -> None:
    """Refuse a phone number with other characters than digits, spaces, + - ( ), a "+" other
    than first, or fewer than three digits."""
    value = field.data
    if not value:
        return
    digits = sum(c.isdigit() for c in value)
    if not PHONE.fullmatch(value) or "+" in value[1:] or digits < 3:
        raise ValidationError(
            _l('Write the number with digits, spaces, "+", "-" and brackets: +7 495 000-00-00.')
        )


def email_address(form, field) -> None:
    """Refuse what cannot be an e-mail address: name@example.org is the shape."""
    if field.data and not EMAIL.fullmatch(field.data):
        raise ValidationError(_l("Write an e-mail address such as press@example.org."))


class SettingsTextForm(SubForm):
    """The site title and the press office's contacts in one language, each optional."""

    site_title = StringField(_l("Site title"), filters=[stripped], validators=[Limit(200)])
    contact_address = StringField(
        _l("Address"), filters=[stripped], validators=[Limit(300)]
    )
    contact_phone_label = StringField(
        _l("Name of the phone line"), filters=[stripped], validators=[Limit(100)],
        description=_l('Shown before the number; left empty: "Consular phone".'),
    )
    contact_phone = TelField(
        _l("Phone number"), filters=[stripped], validators=[Limit(40), phone_number]
    )
    contact_email = EmailField(
        _l("Press office e-mail"), filters=[stripped], validators=[Limit(254), email_address]
    )
    contact_line = StringField(
        _l("Other contact details"), filters=[stripped], validators=[Limit(500)],
        description=_l("A free line shown after the others: opening hours, say."),
    )


class SettingsForm(StaffForm):
    """The site settings in both languages."""

    en = FormField(SettingsTextForm, separator="-")
    ru = FormField(SettingsTextForm, separator="-")


class RestoreForm(ChangeForm):
    """Restore an earlier revision of a statement: the version the page showed, and the kind of
    edit it is when the statement is public."""

    version = HiddenField(validators=[Length(max=12)])


class ConfirmForm(StaffForm):
    """A button that only needs a CSRF token: sign-out, delete."""


#: The password rules of `accounts.check_password`, said in the page's language.
PASSWORD_RULES = {
    "short": _l("A password has at least %(num)s characters.", num=MIN_PASSWORD_LENGTH),
    "long": _l("A password has at most %(num)s characters.", num=MAX_PASSWORD_LENGTH),
    "nul": NUL_MESSAGE,
    "common": _l(
        "This password is one of the 10,000 most common passwords, the first ones an attacker "
        "tries. Choose another (a few unrelated words make a good one)."
    ),
}


class PasswordForm(StaffForm):
    """One's own password: the current one, and the new one twice."""

    # No filters: passwords are used exactly as typed, spaces included.
    current_password = PasswordField(
        _l("Current password"),
        # Limit, not Length: a maxlength would cut a pasted password without a word.
        validators=[InputRequired(REQUIRED), Limit(MAX_PASSWORD_LENGTH)],
    )
    new_password = PasswordField(
        _l("New password"),
        validators=[InputRequired(REQUIRED)],
        description=_l(
            "At least %(num)s characters; any characters, spaces included. Not one of the most "
            "common passwords.", num=MIN_PASSWORD_LENGTH,
        ),
    )
    confirm_password = PasswordField(
        _l("New password again"), validators=[InputRequired(REQUIRED)]
    )

    def validate(self, extra_validators=None) -> bool:
        """Also require the new password twice, the same both times."""
        valid = super().validate(extra_validators)
        if self.new_password.data and self.confirm_password.data != self.new_password.data:
            self.confirm_password.errors = [
                *self.confirm_password.errors, _l("The two new passwords are not the same.")
            ]
            valid = False
        return valid


#: The longest explanation of a withdrawal, per language.
MAX_WITHDRAWN_REASON = 1000


class WithdrawForm(StaffForm):
    """Why a published statement is withdrawn, in each language (the view requires the reason
    in every language the statement has)."""

    version = HiddenField(validators=[Length(max=12)])
    reason_en = TextAreaField(
        _l("Reason, in English"), filters=[stripped], validators=[Limit(MAX_WITHDRAWN_REASON)],
        description=_l('Shown under "Withdrawn on …" on the English page.'),
    )
    reason_ru = TextAreaField(
        _l("Reason, in Russian"), filters=[stripped], validators=[Limit(MAX_WITHDRAWN_REASON)],
        description=_l('Shown under "Withdrawn on …" on the Russian page.'),
    )
