from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from coplan.accounts.models import SignInAttempt, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "password"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "full_name", "password1", "password2"]})]
    filter_horizontal = ["groups"]
    list_filter = ["is_active", "is_staff"]


@admin.register(SignInAttempt)
class SignInAttemptAdmin(admin.ModelAdmin):
    list_display = ["email", "succeeded", "attempted_at"]
    search_fields = ["email"]
    list_filter = ["succeeded"]
