package com.acme.settlements;

import android.util.Base64;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Basic auth for the merchant app's settlement screen (Android, OkHttp). */
public final class MobileBasicAuth implements Interceptor {
    private final String user;
    private final String password;
    private final boolean legacy;

    public MobileBasicAuth(String user, String password, boolean legacy) {
        this.user = user;
        this.password = password;
        this.legacy = legacy;
    }

    static String legacyAuthorization(String user, String password) {
        byte[] creds = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        String token = Base64.encodeToString(creds, Base64.DEFAULT);
        return "Basic " + token;
    }

    static String authorization(String user, String password) {
        byte[] creds = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        String token = Base64.encodeToString(creds, Base64.NO_WRAP);
        return "Basic " + token;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String value = legacy ? legacyAuthorization(user, password) : authorization(user, password);
        Request request = chain.request().newBuilder().header("Authorization", value).build();
        return chain.proceed(request);
    }
}
