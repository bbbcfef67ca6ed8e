import axios from 'axios'

const http = axios.create({
  baseURL: process.env.VUE_APP_API_URL || 'http://localhost:8080/api',
  timeout: 15000,
  headers: {
    Accept: 'application/json',
    Authorization: 'Bearer ${process.env.VUE_APP_API_TOKEN}'
  }
})

http.interceptors.response.use(
  res => res,
  err => {
    if (err.response && err.response.status === 401) {
      window.location.assign('/login?reason=unauthorized')
    }
    return Promise.reject(err)
  }
)

export function withUserToken (token) {
  return { headers: { Authorization: `Bearer ${token}` } }
}

export default http
