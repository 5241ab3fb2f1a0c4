from django.urls import path

from coplan.feedback import views

app_name = "feedback"

HOME = "projects/<int:project_id>/feedback/"
FORM = HOME + "forms/<int:form_id>/"
THEMES = "projects/<int:project_id>/you-said-we-did/"
THEME = THEMES + "<int:entry_id>/"
REFLECTIONS = "projects/<int:project_id>/reflections/"
REFLECTION = REFLECTIONS + "<int:reflection_id>/"
LESSONS = "projects/<int:project_id>/lessons/"
ANSWER = "feedback/<str:token>/"

urlpatterns = [
    path(HOME, views.home, name="home"),
    # Feedback forms
    path(HOME + "forms/", views.forms, name="forms"),
    path(HOME + "forms/add/", views.form_add, name="form_add"),
    path(FORM, views.form, name="form"),
    path(FORM + "change/", views.form_edit, name="form_edit"),
    path(FORM + "remove/", views.form_remove, name="form_remove"),
    path(FORM + "questions/add/", views.question_add, name="question_add"),
    path(
        FORM + "questions/<int:feedback_question_id>/remove/",
        views.question_remove,
        name="question_remove",
    ),
    path(FORM + "new-link/", views.link_renew, name="link_renew"),
    path(FORM + "one-time-links/", views.one_time_links, name="one_time_links"),
    path(FORM + "print/", views.form_pdf, name="form_pdf"),
    path(FORM + "print/easy-read/", views.form_pdf_easy_read, name="form_pdf_easy_read"),
    path(FORM + "qr-code.svg", views.form_qr, name="form_qr"),
    path(FORM + "type-in/", views.paper, name="paper"),
    path(FORM + "results/", views.results, name="results"),
    path(FORM + "results/<int:feedback_question_id>/", views.results_words, name="results_words"),
    path(FORM + "results.csv", views.results_csv_download, name="results_csv"),
    # You said, we did
    path(THEMES, views.you_said_we_did, name="you_said_we_did"),
    path(THEMES + "add/", views.theme_add, name="theme_add"),
    path(THEME + "change/", views.theme_edit, name="theme_edit"),
    path(THEME + "publish/", views.theme_publish, name="theme_publish"),
    path(THEME + "remove/", views.theme_remove, name="theme_remove"),
    path(THEMES + "send/", views.send, name="send"),
    path(THEMES + "letters.pdf", views.letters, name="letters"),
    # Self-reflection and lessons
    path(REFLECTIONS, views.reflections, name="reflections"),
    path(REFLECTIONS + "add/", views.reflection_add, name="reflection_add"),
    path(REFLECTION, views.reflection, name="reflection"),
    path(REFLECTION + "change/", views.reflection_edit, name="reflection_edit"),
    path(REFLECTION + "share/", views.reflection_share, name="reflection_share"),
    path(REFLECTION + "remove/", views.reflection_remove, name="reflection_remove"),
    path(LESSONS, views.lessons, name="lessons"),
    path(LESSONS + "add/", views.lesson_add, name="lesson_add"),
    path(LESSONS + "<int:lesson_id>/remove/", views.lesson_remove, name="lesson_remove"),
    path("lessons/", views.organisation_lessons, name="organisation_lessons"),
    # Filling in a form by its link: nothing but the form
    path("feedback/thank-you/", views.answer_thanks, name="answer_thanks"),
    path(ANSWER, views.answer_start, name="answer_start"),
    path(ANSWER + "form/", views.answer_standard, name="answer_standard"),
    path(ANSWER + "easy-read/", views.answer_easy_read, name="answer_easy_read"),
]
